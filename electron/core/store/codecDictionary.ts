/**
 * The preset deflate dictionary for packed node values (codec 1). A node's packed JSON is a few
 * hundred bytes, too small for deflate to learn its keys; seeding it with typical keys and
 * values makes them back-references from the first byte on.
 *
 * Frozen: stored rows can only be inflated with exactly these bytes. To improve it, add a
 * DICTIONARY_V2 and a new codec id in codec.ts; never edit this one.
 */
const template = {
  network: {
    vpcId: 'vpc-0',
    subnetId: 'subnet-0',
    routeTableId: 'rtb-0',
    mainRouteTable: false,
    routes: [
      { destination: '10.0.0.0/16', target: 'local', targetId: 'local', state: 'active' },
      { destination: '0.0.0.0/0', target: 'nat-gateway', targetId: 'nat-0', state: 'active' },
      { destination: '0.0.0.0/0', target: 'igw', targetId: 'igw-0', state: 'active' },
      { destination: 'pl-6', target: 'vpc-endpoint', targetId: 'vpce-0', state: 'active' },
    ],
    vpcEndpoints: [
      { id: 'vpce-0', serviceName: 'com.amazonaws.ap-northeast-1.s3', type: 'Gateway', state: 'available', routeTableIds: ['rtb-0'] },
      {
        id: 'vpce-0',
        serviceName: 'com.amazonaws.us-east-1.ssm',
        type: 'Interface',
        state: 'available',
        subnetIds: ['subnet-0'],
        privateDnsEnabled: true,
      },
    ],
  },
  inventory: [
    { name: 'python3', version: '3.9.16' },
    { name: 'python', version: '2.7.18' },
    { name: 'Python 3.11.4 (64-bit)', version: '3.11.4150.0' },
  ],
  f: {
    resourceType: 'EC2Instance',
    sourceType: 'AWS::EC2::Instance',
    lastPingAt: '2026-01-01T00:00:00.000Z',
    isLatestVersion: false,
    platformType: 'Linux',
    platformName: 'Amazon Linux',
    platformVersion: '2023',
    patchState: {
      baselineId: 'pb-0',
      patchGroup: 'prod',
      operation: 'Scan',
      operationStartTime: '2026-01-01T00:00:00.000Z',
      operationEndTime: '2026-01-01T00:00:00.000Z',
      lastNoRebootInstallOperationTime: '2026-01-01T00:00:00.000Z',
      rebootOption: 'RebootIfNeeded',
      installedCount: 0,
      installedOtherCount: 0,
      installedPendingRebootCount: 0,
      installedRejectedCount: 0,
      missingCount: 0,
      failedCount: 0,
      notApplicableCount: 0,
      unreportedNotApplicableCount: 0,
      criticalNonCompliantCount: 0,
      securityNonCompliantCount: 0,
      otherNonCompliantCount: 0,
    },
    sources: { patchState: 'ok', inventory: 'not_collected', network: 'denied' },
  },
  other: [
    'ManagedInstance',
    'AWS::SSM::ManagedInstance',
    'AWS::IoT::Thing',
    'Windows',
    'MacOS',
    'Microsoft Windows Server 2019 Datacenter',
    'Ubuntu',
    'Red Hat Enterprise Linux',
    'NotAvailable',
    'Install',
    'NoReboot',
    'error',
  ],
  // The rules engine's vocabulary (codes, params, evidence keys) as it evaluates a typical node.
  c: [
    [
      'agent.version.ok-not-latest',
      { agentVersion: '3.3.40.0', minimum: '2.0.834.0' },
      { agentVersion: '3.3.40.0', minimum: '2.0.834.0', isLatestVersion: false },
    ],
    [
      'agent.windows2008.not-applicable',
      {},
      {
        family: 'amazon-linux-2023',
        platformVersion: '2023',
        agentVersion: '3.3.40.0',
        lastSupportedAgent: '2.3.1644.0',
        vendorSupportEnded: '2020-01-14',
      },
    ],
    [
      'os.version-not-listed',
      { platform: 'Ubuntu Server 22.04', supported: '14.04, 16.04, 18.04, 20.04' },
      {
        platformType: 'Linux',
        platformName: 'Ubuntu',
        platformVersion: '22.04',
        family: 'ubuntu',
        version: '22.04',
        catalogEntry: 'Ubuntu Server 20.04 LTS',
      },
    ],
    ['os.greengrass.not-applicable', {}, { sourceType: 'AWS::EC2::Instance', family: 'windows-server', version: '2019' }],
    [
      'python.ok',
      { platform: 'Amazon Linux 2', required: '2.6 - 3.10', found: '3.9' },
      { family: 'amazon-linux-2', required: '2.6 - 3.10', inventoryApps: ['python3 3.9.16'], interpreters: ['3.9'] },
    ],
    ['python.not-required', { platform: 'Windows Server 2019' }, { platformType: 'Windows' }],
    [
      'network.patch-source.internet',
      { via_en: 'NAT gateway', via_ja: 'NAT ゲートウェイ', targetId: 'nat-0' },
      {
        vpcId: 'vpc-0',
        subnetId: 'subnet-0',
        routeTableId: 'rtb-0',
        mainRouteTable: false,
        publicIp: null,
        defaultRoute: 'nat-gateway nat-0 active',
        vpcEndpoints: ['vpce-0 Gateway com.amazonaws.ap-northeast-1.s3', 'vpce-0 Interface com.amazonaws.us-east-1.ssm'],
      },
    ],
    [
      'network.s3.internet',
      { via_en: 'internet gateway', via_ja: 'インターネットゲートウェイ', targetId: 'igw-0' },
      { defaultRoute: 'igw igw-0 active' },
    ],
    [
      'node.online',
      { pingStatus: 'Online', lastPingAt: '2026-01-01T00:00:00.000Z' },
      { pingStatus: 'ConnectionLost', lastPingAt: '2026-01-01T00:00:00.000Z' },
    ],
    ['node.offline', { pingStatus: 'Inactive' }, {}],
    [
      'patch.scanned',
      { operation: 'Scan' },
      { operation: 'Scan', operationEndTime: '2026-01-01T00:00:00.000Z', baselineId: 'pb-0', patchGroup: 'prod' },
    ],
    [
      'patch.scan-recent',
      { operation: 'Scan', ageDays: 5.5, thresholdDays: 7 },
      { operationStartTime: '2026-01-01T00:00:00.000Z', thresholdDays: 7, now: '2026-01-01T00:00:00.000Z', ageDays: 7.1 },
    ],
    ['patch.scan-stale', {}, {}],
    [
      'patch.noncompliant',
      { missing: 3, failed: 1, critical: 1, security: 1 },
      {
        missingCount: 0,
        failedCount: 0,
        installedRejectedCount: 0,
        criticalNonCompliantCount: 0,
        securityNonCompliantCount: 0,
        otherNonCompliantCount: 0,
      },
    ],
    ['patch.compliant', {}, {}],
    ['patch.no-pending-reboot', { count: 0 }, { installedPendingRebootCount: 0, rebootOption: 'RebootIfNeeded' }],
    ['patch.pending-reboot', {}, {}],
  ],
};

export const DICTIONARY_V1: string = JSON.stringify(template);
