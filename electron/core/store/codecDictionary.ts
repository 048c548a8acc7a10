/**
 * The preset deflate dictionary for packed node values (codec 1). A node's packed JSON is a few
 * hundred bytes, too small for deflate to learn its keys; seeding it with typical keys and
 * values makes them back-references and cuts stored size by about 60 %.
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
      { id: 'vpce-0', serviceName: 'com.amazonaws.us-east-1.ssm', type: 'Interface', state: 'available', subnetIds: ['subnet-0'], privateDnsEnabled: true },
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
  other: ['ManagedInstance', 'AWS::SSM::ManagedInstance', 'AWS::IoT::Thing', 'Windows', 'MacOS', 'Microsoft Windows Server 2019 Datacenter', 'Ubuntu', 'Red Hat Enterprise Linux', 'NotAvailable', 'Install', 'NoReboot', 'error'],
  c: [
    ['agent.version', 'pass', 'agent.version.ok', { minimum: '2.0.834.0', actual: '3.3.40.0' }, { agentVersion: '3.3.40.0', minimum: '2.0.834.0' }],
    ['agent.windows2008', 'not_applicable', 'agent.windows2008', {}, { platformName: null, platformVersion: null }],
    ['os.supported', 'pass', 'os.supported', { family: 'amazon-linux-2023', version: '2023' }, { platformType: 'Linux', family: 'amazon-linux-2023' }],
    ['os.greengrass', 'not_applicable', 'os.greengrass', {}, { sourceType: 'AWS::EC2::Instance' }],
    ['python.version', 'unknown', 'python.version', { required: '3' }, { pythonVersion: null, inventory: 'not_collected' }],
    ['network.patch-source', 'pass', 'network.patch-source', {}, { routeTableId: 'rtb-0', routes: ['0.0.0.0/0'] }],
    ['network.s3', 'fail', 'network.s3', {}, { routeTableId: 'rtb-0', s3Endpoint: null }],
    ['node.online', 'pass', 'node.online', {}, { pingStatus: 'Online', lastPingAt: '2026-01-01T00:00:00.000Z' }],
    ['patch.scanned', 'pass', 'patch.scanned', {}, { operation: 'Scan' }],
    ['patch.scan-age', 'warn', 'patch.scan-age', { days: 8, maxDays: 7 }, { operationEndTime: '2026-01-01T00:00:00.000Z', scanAgeDays: 7 }],
    ['patch.compliant', 'fail', 'patch.compliant', { missing: 1, failed: 0 }, { missingCount: 1, failedCount: 0, criticalNonCompliantCount: 0, securityNonCompliantCount: 0 }],
    ['patch.pending-reboot', 'pass', 'patch.pending-reboot', {}, { installedPendingRebootCount: 0 }],
  ],
};

export const DICTIONARY_V1: string = JSON.stringify(template);
