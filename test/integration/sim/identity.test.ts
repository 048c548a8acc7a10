/** STS and Organizations through the real SDK: identities, cross-account roles, credentials AWS would refuse. */
import { ListAccountsCommand, paginateListAccounts, type Account } from '@aws-sdk/client-organizations';
import { DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../electron/core/sim';
import { clients } from './clients';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ fleetOptions: { seed: 'identity-it', accounts: 3, regions: ['us-east-1'], nodesPerRegion: 12 } });
});
afterAll(() => sim.close());

const account = (i: number) => sim.credentials[i]?.accountId ?? '';
const roleArn = (i: number, name = 'PatchAuditRole') => `arn:aws:iam::${account(i)}:role/${name}`;

describe('STS', () => {
  it('GetCallerIdentity names the account and user of the access key', async () => {
    const id = await clients(sim, { account: 1 }).sts.send(new GetCallerIdentityCommand({}));
    expect(id.Account).toBe(account(1));
    expect(id.Arn).toBe(`arn:aws:iam::${account(1)}:user/auditor`);
  });

  it('AssumeRole with the ExternalId issues temporary keys that act in the target account', async () => {
    const { sts } = clients(sim);
    const res = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn(2),
        RoleSessionName: 'patch-audit',
        ExternalId: 'patch-audit-external-id',
        DurationSeconds: 900,
      }),
    );
    const c = res.Credentials;
    expect(c?.AccessKeyId).toMatch(/^ASIA/);
    expect(c?.Expiration?.getTime()).toBeGreaterThan(Date.now() + 800_000);
    expect(res.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${account(2)}:assumed-role/PatchAuditRole/patch-audit`);
    const credentials = {
      accessKeyId: c?.AccessKeyId ?? '',
      secretAccessKey: c?.SecretAccessKey ?? '',
      sessionToken: c?.SessionToken ?? '',
    };
    const assumed = clients(sim, { credentials });
    const who = await assumed.sts.send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe(account(2));
    expect(who.Arn).toBe(res.AssumedRoleUser?.Arn);
    const nodes = await assumed.ssm.send(new DescribeInstanceInformationCommand({}));
    expect(nodes.InstanceInformationList?.[0]?.InstanceId).toBe(sim.fleet().accounts[2]?.regions['us-east-1']?.nodes[0]?.instanceId);
    // The session token is part of the credentials: without it the keys are unknown.
    const noToken = clients(sim, { credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey } });
    await expect(noToken.sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
  });

  it('denies AssumeRole without or with a wrong ExternalId, or for a role that does not exist', async () => {
    const { sts } = clients(sim);
    await expect(sts.send(new AssumeRoleCommand({ RoleArn: roleArn(1), RoleSessionName: 'x1' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(
      sts.send(new AssumeRoleCommand({ RoleArn: roleArn(1), RoleSessionName: 'x1', ExternalId: 'guess' })),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(sts.send(new AssumeRoleCommand({ RoleArn: roleArn(1, 'NoSuchRole'), RoleSessionName: 'x1' }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    await expect(sts.send(new AssumeRoleCommand({ RoleArn: '123456789012:role/x', RoleSessionName: 'x1' }))).rejects.toMatchObject({
      name: 'ValidationError',
    });
    await expect(
      sts.send(new AssumeRoleCommand({ RoleArn: roleArn(1, 'ReadOnlyAuditRole'), RoleSessionName: 'x1', DurationSeconds: 7200 })),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    const ok = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn(1, 'ReadOnlyAuditRole'), RoleSessionName: 'x1' }));
    expect(ok.AssumedRoleUser?.Arn).toContain('ReadOnlyAuditRole');
  });
});

describe('credentials AWS would refuse', () => {
  it('answers each protocol’s error for an unknown access key', async () => {
    const c = clients(sim, { credentials: { accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'x' } });
    await expect(c.ssm.send(new DescribeInstanceInformationCommand({}))).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
    await expect(c.sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
    await expect(c.ec2.send(new DescribeRegionsCommand({}))).rejects.toMatchObject({ name: 'AuthFailure' });
    await expect(c.org.send(new ListAccountsCommand({}))).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
  });

  it('checks the signature: a known key with the wrong secret is refused', async () => {
    const key = sim.credentials[0]?.accessKeyId ?? '';
    const c = clients(sim, { credentials: { accessKeyId: key, secretAccessKey: 'wrong-secret' } });
    await expect(c.ssm.send(new DescribeInstanceInformationCommand({}))).rejects.toMatchObject({ name: 'InvalidSignatureException' });
    await expect(c.sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    await expect(c.ec2.send(new DescribeRegionsCommand({}))).rejects.toMatchObject({ name: 'AuthFailure' });
  });
});

describe('Organizations', () => {
  it('lists every member account from the management account, some SUSPENDED, in pages of at most 20', async () => {
    const { org } = clients(sim);
    const accounts: Account[] = [];
    for await (const page of paginateListAccounts({ client: org, pageSize: 2 }, {})) accounts.push(...(page.Accounts ?? []));
    expect(accounts.map((a) => a.Id)).toEqual(sim.fleet().organization.accounts.map((a) => a.id));
    expect(accounts.some((a) => a.Status === 'SUSPENDED')).toBe(true);
    expect(accounts[0]?.JoinedTimestamp).toBeInstanceOf(Date);
    await expect(org.send(new ListAccountsCommand({ MaxResults: 21 }))).rejects.toMatchObject({ name: 'InvalidInputException' });
  });

  it('denies a member account', async () => {
    await expect(clients(sim, { account: 1 }).org.send(new ListAccountsCommand({}))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });
});

describe('requests AWS would not understand', () => {
  it('answers an unsigned query request with EC2’s XML error, not JSON', async () => {
    const res = await fetch(sim.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeInstances&Version=2016-11-15',
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(await res.text()).toMatch(/<Response><Errors><Error><Code>MissingAuthenticationToken<\/Code>/);
  });
});
