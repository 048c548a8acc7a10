/** EC2 through the real SDK client: regions and the networking facts, with filters and paging. */
import {
  DescribeInstancesCommand,
  DescribeRegionsCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  paginateDescribeInstances,
  type EC2Client,
  type Instance,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../electron/core/sim';
import { clients } from './clients';

let sim: Simulator;
let ec2: EC2Client;

beforeAll(async () => {
  sim = await startSimulator({
    fleetOptions: { seed: 'ec2-it', accounts: 1, regions: ['ap-northeast-1', 'me-south-1'], nodesPerRegion: 120 },
  });
  ec2 = clients(sim, { region: 'ap-northeast-1' }).ec2;
});
afterAll(() => sim.close());

const regionFleet = () => sim.fleet().accounts[0]?.regions['ap-northeast-1'];

describe('DescribeRegions', () => {
  it('lists enabled regions, and with AllRegions the opt-in ones with their status', async () => {
    const enabled = await ec2.send(new DescribeRegionsCommand({}));
    const names = enabled.Regions?.map((r) => r.RegionName) ?? [];
    expect(names).toContain('us-east-1');
    expect(names).toContain('me-south-1');
    expect(names).not.toContain('ap-east-1');
    const all = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    expect(all.Regions?.find((r) => r.RegionName === 'ap-east-1')?.OptInStatus).toBe('not-opted-in');
    expect(all.Regions?.find((r) => r.RegionName === 'me-south-1')?.OptInStatus).toBe('opted-in');
    expect(all.Regions?.find((r) => r.RegionName === 'eu-west-1')?.OptInStatus).toBe('opt-in-not-required');
    const optIn = await ec2.send(
      new DescribeRegionsCommand({ AllRegions: true, Filters: [{ Name: 'opt-in-status', Values: ['not-opted-in'] }] }),
    );
    expect(optIn.Regions?.map((r) => r.RegionName)).toContain('ap-east-1');
    expect(optIn.Regions?.every((r) => r.OptInStatus === 'not-opted-in')).toBe(true);
    await expect(ec2.send(new DescribeRegionsCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] }))).rejects.toMatchObject({
      name: 'InvalidParameterValue',
    });
  });
});

describe('DescribeInstances', () => {
  it('pages through every EC2 instance with the SDK paginator', async () => {
    const instances: Instance[] = [];
    for await (const page of paginateDescribeInstances({ client: ec2, pageSize: 25 }, {}))
      for (const r of page.Reservations ?? []) instances.push(...(r.Instances ?? []));
    const fleet = regionFleet();
    const expected = (fleet?.nodes.filter((n) => n.ec2).length ?? 0) + (fleet?.otherInstances.length ?? 0);
    expect(instances).toHaveLength(expected);
    const windows = instances.find((i) => i.PlatformDetails === 'Windows');
    expect(windows?.Platform).toBe('windows');
    expect(instances.some((i) => i.PublicIpAddress)).toBe(true);
    expect(instances[0]?.LaunchTime).toBeInstanceOf(Date);
    expect(instances[0]?.Tags?.find((t) => t.Key === 'Name')?.Value).toBeTruthy();
  });

  it('filters by vpc-id and instance-id, and refuses unknown ids and MaxResults with ids', async () => {
    const node = regionFleet()?.nodes.find((n) => n.ec2);
    const byVpc = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'vpc-id', Values: [node?.ec2?.vpcId ?? ''] }] }));
    const all = byVpc.Reservations?.flatMap((r) => r.Instances ?? []) ?? [];
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((i) => i.VpcId === node?.ec2?.vpcId)).toBe(true);
    const one = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: [node?.instanceId ?? ''] }] }));
    expect(one.Reservations?.[0]?.Instances?.[0]?.SubnetId).toBe(node?.ec2?.subnetId);
    await expect(ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-0123456789abcdef0'] }))).rejects.toMatchObject({
      name: 'InvalidInstanceID.NotFound',
    });
    await expect(ec2.send(new DescribeInstancesCommand({ InstanceIds: [node?.instanceId ?? ''], MaxResults: 5 }))).rejects.toMatchObject({
      name: 'InvalidParameterCombination',
    });
    await expect(ec2.send(new DescribeInstancesCommand({ MaxResults: 4 }))).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });

  it('refuses a forged NextToken', async () => {
    await expect(ec2.send(new DescribeInstancesCommand({ MaxResults: 5, NextToken: 'eyJmb3JnZWQiOjF9.AAAA' }))).rejects.toMatchObject({
      name: 'InvalidPaginationToken',
    });
  });
});

describe('networking', () => {
  it('describes subnets, route tables (main and explicit) and VPC endpoints with filters', async () => {
    const fleet = regionFleet();
    const vpcId = fleet?.vpcs[0]?.VpcId ?? '';
    const subnets = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
    expect(subnets.Subnets?.length).toBe(fleet?.subnets.filter((s) => s.VpcId === vpcId).length);
    expect(subnets.Subnets?.some((s) => s.MapPublicIpOnLaunch)).toBe(true);

    const main = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.main', Values: ['true'] }] }));
    expect(main.RouteTables).toHaveLength(2);
    const publicSubnet = fleet?.subnets.find((s) => s.Tags?.some((t) => t.Value === 'public'));
    const forSubnet = await ec2.send(
      new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.subnet-id', Values: [publicSubnet?.SubnetId ?? ''] }] }),
    );
    expect(forSubnet.RouteTables?.[0]?.Routes?.some((r) => r.DestinationCidrBlock === '0.0.0.0/0' && r.GatewayId?.startsWith('igw-'))).toBe(
      true,
    );
    const viaNat = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'route.nat-gateway-id', Values: ['nat-*'] }] }));
    expect(viaNat.RouteTables).toHaveLength(1);
    const viaInstance = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'route.instance-id', Values: ['i-*'] }] }));
    expect(viaInstance.RouteTables?.[0]?.Routes?.find((r) => r.InstanceId)?.NetworkInterfaceId).toMatch(/^eni-/);
    const s3Gateway = await ec2.send(
      new DescribeRouteTablesCommand({ Filters: [{ Name: 'route.destination-prefix-list-id', Values: ['pl-*'] }] }),
    );
    expect(s3Gateway.RouteTables?.[0]?.Routes?.find((r) => r.DestinationPrefixListId)?.GatewayId).toMatch(/^vpce-/);
    await expect(ec2.send(new DescribeRouteTablesCommand({ MaxResults: 101 }))).rejects.toMatchObject({ name: 'InvalidParameterValue' });

    const endpoints = await ec2.send(
      new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'service-name', Values: ['com.amazonaws.ap-northeast-1.s3'] }] }),
    );
    expect(endpoints.VpcEndpoints?.map((e) => e.VpcEndpointType).sort()).toEqual(['Gateway', 'Interface']);
    expect(endpoints.VpcEndpoints?.find((e) => e.VpcEndpointType === 'Gateway')?.RouteTableIds).toHaveLength(1);
    expect(endpoints.VpcEndpoints?.find((e) => e.VpcEndpointType === 'Interface')?.SubnetIds).toHaveLength(1);
  });
});
