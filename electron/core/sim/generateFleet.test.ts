import { describe, expect, it } from 'vitest';
import { generateFleet } from './generateFleet';
import { nonCompliantPatches, type SimNode } from './fleet';

const BIG = {
  seed: 'bench',
  accounts: 3,
  regions: ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2'],
  nodesPerRegion: 834,
} as const;

function allNodes(fleet: ReturnType<typeof generateFleet>): SimNode[] {
  return fleet.accounts.flatMap((a) => Object.values(a.regions).flatMap((r) => r.nodes));
}

const cmp = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

describe('generateFleet', () => {
  // How long generation takes is not asserted: speed belongs in the bench (test/bench/).
  it('generates 10,000 nodes across 3 accounts × 4 regions', () => {
    const fleet = generateFleet(BIG);
    expect(allNodes(fleet)).toHaveLength(3 * 4 * 834);
    expect(fleet.accounts).toHaveLength(3);
    for (const account of fleet.accounts) expect(Object.keys(account.regions).sort()).toEqual([...BIG.regions].sort());
  });

  it('gives each account × region the node count nodesIn asks for, and nodesPerRegion elsewhere', () => {
    const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
    const nodesIn = (account: number, region: string) => (region === 'eu-west-1' ? 0 : account * 10 + regions.indexOf(region));
    const fleet = generateFleet({ seed: 'uneven', accounts: 3, regions, nodesIn });
    const counts = fleet.accounts.map((a) => regions.map((r) => a.regions[r]?.nodes.length));
    expect(counts).toEqual([
      [0, 0, 2],
      [10, 0, 12],
      [20, 0, 22],
    ]);
    // A region with no node is still the account's: its network and patch baselines exist.
    expect(fleet.accounts[0]!.regions['eu-west-1']!.baselines.length).toBeGreaterThan(0);
    expect(generateFleet({ seed: 'uneven', accounts: 3, regions, nodesIn })).toEqual(fleet);
    const uniform = generateFleet({ seed: 'uneven', accounts: 1, regions, nodesPerRegion: 7 });
    expect(regions.map((r) => uniform.accounts[0]!.regions[r]!.nodes.length)).toEqual([7, 7, 7]);
  });

  it('is identical for the same seed and different for another seed', () => {
    const options = { seed: 42, accounts: 2, regions: ['us-east-1', 'eu-west-1'], nodesPerRegion: 200 };
    expect(generateFleet(options)).toEqual(generateFleet(options));
    const other = generateFleet({ ...options, seed: 43 });
    expect(other.accounts[0]?.accountId).not.toBe(generateFleet(options).accounts[0]?.accountId);
  });

  it('uses 12-digit account ids, unique node ids and the AWS id formats', () => {
    const fleet = generateFleet(BIG);
    for (const a of fleet.accounts) {
      expect(a.accountId).toMatch(/^[1-9]\d{11}$/);
      expect(a.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    }
    const nodes = allNodes(fleet);
    expect(new Set(nodes.map((n) => n.instanceId)).size).toBe(nodes.length);
    for (const n of nodes) expect(n.instanceId).toMatch(n.kind === 'ec2' ? /^i-[0-9a-f]{17}$/ : /^mi-[0-9a-f]{17}$/);
  });

  const fleet = generateFleet(BIG);
  const nodes = allNodes(fleet);
  const has = (pred: (n: SimNode) => boolean): boolean => nodes.some(pred);

  it.each([
    ['AmazonLinux', 'Amazon Linux AMI', ['2012.03', '2018.03']],
    ['AmazonLinux2', 'Amazon Linux', ['2']],
    ['AmazonLinux2022', 'Amazon Linux', ['2022']],
    ['CentOS', 'CentOS', ['6.5']],
    ['CentOS', 'CentOS Linux', ['7.9.2009', '8.5.2111']],
    ['CentOSStream', 'CentOS Stream', ['8']],
    ['Debian', 'Debian GNU/Linux', ['8', '9', '10']],
    ['OracleLinux', 'Oracle Linux Server', ['7.5', '7.9']],
    ['RaspberryPiOS', 'Raspbian GNU/Linux', ['9', '10']],
    ['RHEL', 'Red Hat Enterprise Linux Server', ['6.5', '7.9']],
    ['RHEL', 'Red Hat Enterprise Linux', ['8.6']],
    ['RockyLinux', 'Rocky Linux', ['8.4', '8.5']],
    ['SLES', 'SLES', ['12', '15', '15.4']],
    ['Ubuntu', 'Ubuntu', ['14.04', '16.04', '18.04', '20.04', '20.10']],
    ['macOS', 'macOS', ['10.15.7', '11.3.1', '11.4']],
    ['macOS', 'Mac OS X', ['10.14.6']],
    ['WindowsServer', 'Microsoft Windows Server 2019 Datacenter', ['10.0.17763']],
    ['WindowsServer', 'Microsoft Windows Server 2012 R2 Datacenter', ['6.3.9600']],
    ['WindowsServer', 'Microsoft Windows Server 2022 Standard', ['10.0.20348']],
  ] as const)('covers supported %s as "%s"', (family, name, versions) => {
    for (const v of versions)
      expect(has((n) => n.family === family && n.platformName === name && n.platformVersion === v && n.supported)).toBe(true);
  });

  it('covers the unsupported platforms', () => {
    const unsupported = [
      ['CentOS', '6.3'],
      ['RaspberryPiOS', '8'],
      ['Ubuntu', '22.04'],
      ['Debian', '11'],
      ['RHEL', '9.0'],
      ['Windows10', '10.0.19045'],
      ['macOS', '12.6'],
      ['AmazonLinux2023', '2023'],
    ];
    for (const [family, version] of unsupported)
      expect(has((n) => n.family === family && n.platformVersion === version && !n.supported)).toBe(true);
  });

  it('has every Windows Server from 2008 to 2022 with kernel versions, and 2008 with agent 2.3.1644.0 and above', () => {
    for (const v of ['6.0.6002', '6.1.7601', '6.2.9200', '6.3.9600', '10.0.14393', '10.0.17763', '10.0.20348']) {
      expect(has((n) => n.platformType === 'Windows' && n.platformVersion === v)).toBe(true);
    }
    const w2008 = nodes.filter((n) => /^6\.[01]\./.test(n.platformVersion));
    expect(w2008.some((n) => n.agentVersion === '2.3.1644.0')).toBe(true);
    expect(w2008.some((n) => cmp(n.agentVersion, '2.3.1644.0') > 0)).toBe(true);
    expect(has((n) => n.platformName.includes('®'))).toBe(true);
  });

  it('has node kinds, agent ages, ping states and odd platform reports', () => {
    expect(has((n) => n.kind === 'onprem')).toBe(true);
    expect(has((n) => n.kind === 'greengrass' && n.platformType === 'MacOS')).toBe(true);
    expect(has((n) => n.kind === 'greengrass' && n.family === 'Windows10')).toBe(true);
    expect(has((n) => cmp(n.agentVersion, '2.0.834.0') < 0)).toBe(true);
    expect(has((n) => n.agentVersion.startsWith('3.'))).toBe(true);
    expect(has((n) => n.pingStatus === 'ConnectionLost')).toBe(true);
    expect(has((n) => n.family === 'macOS' && n.platformType === 'Linux')).toBe(true);
    expect(has((n) => n.platformVersion === 'NotAvailable')).toBe(true);
    expect(has((n) => n.platformName === '' && n.platformType === '')).toBe(true);
  });

  it('has every patch-state situation', () => {
    const states = nodes.map((n) => n.patchState);
    expect(states.some((p) => p === null)).toBe(true);
    expect(states.some((p) => p && p.missing === 0 && p.failed === 0)).toBe(true);
    expect(states.some((p) => p && p.missing > 0 && p.critical > 0)).toBe(true);
    expect(states.some((p) => p && p.security > 0)).toBe(true);
    expect(states.some((p) => p && p.failed > 0)).toBe(true);
    expect(states.some((p) => p && p.installedPendingReboot > 0)).toBe(true);
    expect(states.some((p) => p && p.operation === 'Scan')).toBe(true);
    expect(states.some((p) => p && p.operationAgeS > 7 * 86_400)).toBe(true);
    for (const p of states) if (p) expect(p.critical + p.security + p.other).toBe(nonCompliantPatches(p));
  });

  it('has Python inventories of every shape, and nodes without inventory', () => {
    const apps = (n: SimNode) => n.inventory?.filter((a) => /^python/i.test(a.name)) ?? [];
    expect(has((n) => n.inventory === null)).toBe(true);
    expect(has((n) => apps(n).some((a) => a.name === 'python3' && a.version === '3.8.2-0ubuntu2'))).toBe(true);
    expect(has((n) => apps(n).some((a) => a.version === '3.6.8-18.el7'))).toBe(true);
    expect(has((n) => apps(n).some((a) => a.version === '2.7.18'))).toBe(true);
    expect(has((n) => apps(n).some((a) => a.name === 'python27'))).toBe(true);
    // Python 2 alone on Ubuntu fails P2 (Ubuntu needs Python 3).
    expect(has((n) => n.family === 'Ubuntu' && apps(n).length > 0 && apps(n).every((a) => /^python2?(\.7)?$/.test(a.name)))).toBe(true);
    expect(has((n) => n.inventory !== null && apps(n).length === 0)).toBe(true);
  });

  it('builds networks with internet, NAT, NAT instance, isolated, S3 gateway and interface endpoints and main tables', () => {
    const region = fleet.accounts[0]?.regions['us-east-1'];
    if (!region) throw new Error('missing region');
    const routes = region.routeTables.flatMap((t) => t.Routes ?? []);
    expect(routes.some((r) => r.GatewayId?.startsWith('igw-'))).toBe(true);
    expect(routes.some((r) => r.NatGatewayId?.startsWith('nat-'))).toBe(true);
    expect(routes.some((r) => r.InstanceId?.startsWith('i-'))).toBe(true);
    expect(routes.some((r) => r.DestinationPrefixListId?.startsWith('pl-') && r.GatewayId?.startsWith('vpce-'))).toBe(true);
    expect(region.vpcEndpoints.some((e) => e.ServiceName === 'com.amazonaws.us-east-1.s3' && e.VpcEndpointType === 'Interface')).toBe(true);
    const associated = new Set(region.routeTables.flatMap((t) => (t.Associations ?? []).map((a) => a.SubnetId)));
    const onMain = region.subnets.filter((s) => !associated.has(s.SubnetId));
    expect(onMain.length).toBeGreaterThanOrEqual(2);
    const ec2 = region.nodes.filter((n) => n.ec2);
    expect(ec2.some((n) => n.ec2?.publicIp)).toBe(true);
    for (const n of ec2) expect(region.subnets.some((s) => s.SubnetId === n.ec2?.subnetId && s.VpcId === n.ec2?.vpcId)).toBe(true);
  });

  it('configures patching in some account × regions and not in others, with SUSPENDED member accounts', () => {
    const regions = fleet.accounts.flatMap((a) => Object.values(a.regions));
    expect(regions.some((r) => r.maintenanceWindows.some((w) => w.tasks.some((t) => t.taskArn === 'AWS-RunPatchBaseline')))).toBe(true);
    expect(regions.some((r) => r.maintenanceWindows.length === 0 && !r.associations.some((a) => a.name === 'AWS-RunPatchBaseline'))).toBe(
      true,
    );
    expect(fleet.organization.managementAccountId).toBe(fleet.accounts[0]?.accountId);
    expect(fleet.organization.accounts.some((a) => a.status === 'SUSPENDED')).toBe(true);
  });
});
