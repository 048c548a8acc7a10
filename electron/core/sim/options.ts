/**
 * The simulator run from a command line (`patch-audit sim`): its options as typed text, checked
 * into SimulatorOptions and fault rules, and the text that tells a client how to reach it.
 */
import { HOST_MANAGEMENT_SETTING } from '../../../shared/ec2Coverage';
import type { FaultRule } from './faults';
import { DEFAULT_FLEET_REGIONS } from './generateFleet';
import type { Simulator, SimulatorOptions } from './server';

/** A value the simulator cannot run with; the CLI reports it as bad input (exit 2). */
export class SimOptionError extends Error {
  override name = 'SimOptionError';
}

export interface SimTextOptions {
  port: string;
  seed: string;
  accounts: string;
  /** Comma-separated; the default fleet regions when absent. */
  regions?: string;
  /** Total managed nodes, spread over accounts × regions. */
  nodes: string;
  latency?: string;
  throttleRate?: string;
}

function positiveInt(value: string, name: string, allowZero = false): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1))
    throw new SimOptionError(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got "${value}"`);
  return n;
}

function positiveNumber(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new SimOptionError(`--${name} must be a positive number, got "${value}"`);
  return n;
}

/** Fault rules from the command line: added latency on every call, a token bucket on every call. */
export function faultsFromOptions(latency?: string, throttleRate?: string): FaultRule[] {
  const rules: FaultRule[] = [];
  if (latency !== undefined) rules.push({ latencyMs: positiveInt(latency, 'latency', true) });
  if (throttleRate !== undefined) {
    const rate = positiveNumber(throttleRate, 'throttle-rate');
    rules.push({ throttle: { ratePerSecond: rate, burst: Math.max(1, Math.ceil(rate)) } });
  }
  return rules;
}

export function simulatorOptions(opts: SimTextOptions): SimulatorOptions & { regions: string[] } {
  const accounts = positiveInt(opts.accounts, 'accounts');
  const regions = opts.regions
    ? opts.regions
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean)
    : [...DEFAULT_FLEET_REGIONS];
  if (regions.length === 0) throw new SimOptionError('--regions needs at least one region');
  const nodes = positiveInt(opts.nodes, 'nodes', true);
  return {
    regions,
    port: positiveInt(opts.port, 'port', true),
    fleetOptions: { seed: opts.seed, accounts, regions, nodesPerRegion: Math.ceil(nodes / (accounts * regions.length)) },
    faults: faultsFromOptions(opts.latency, opts.throttleRate),
  };
}

/** What a client needs to reach the running simulator: AWS CLI commands to try, and how to audit it. */
export function simulatorWelcome(sim: Pick<Simulator, 'url' | 'credentials'>, regions: readonly string[] = ['us-east-1']): string {
  const [first] = sim.credentials;
  const region = regions[0] ?? 'us-east-1';
  return [
    `AWS simulator listening on ${sim.url}`,
    '',
    'Credentials (the first account is the Organizations management account):',
    ...sim.credentials.map((c) => `  account ${c.accountId}  access key ${c.accessKeyId}  secret ${c.secretAccessKey}`),
    '',
    `Cross-account role in every account: PatchAuditRole (ExternalId patch-audit-external-id), ReadOnlyAuditRole`,
    '',
    'Try:',
    `  export AWS_ACCESS_KEY_ID=${first?.accessKeyId ?? ''} AWS_SECRET_ACCESS_KEY=${first?.secretAccessKey ?? ''} AWS_REGION=${region} AWS_DEFAULT_REGION=${region}`,
    `  aws --endpoint-url ${sim.url} ssm describe-instance-information`,
    `  aws --endpoint-url ${sim.url} sts get-caller-identity`,
    `  aws --endpoint-url ${sim.url} ec2 describe-regions --all-regions`,
    `  aws --endpoint-url ${sim.url} ec2 describe-instances`,
    `  aws --endpoint-url ${sim.url} ssm get-service-setting --setting-id ${HOST_MANAGEMENT_SETTING}`,
    `  aws --endpoint-url ${sim.url} iam list-attached-role-policies --role-name AppServerRole`,
    `  aws --endpoint-url ${sim.url} organizations list-accounts`,
    '',
    'Audit it (the AWS SDK reads AWS_ENDPOINT_URL), with the credentials exported above:',
    `  AWS_ENDPOINT_URL=${sim.url} patch-audit audit --regions ${regions.join(',')}`,
    '',
    'Press Ctrl-C to stop.',
  ].join('\n');
}
