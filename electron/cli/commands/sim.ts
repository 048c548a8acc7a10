/**
 * `patch-audit sim`: runs the simulated AWS endpoint alone (demo, manual tests with the AWS
 * CLI), printing what a client needs to reach it, until Ctrl-C.
 */
import type { Command } from 'commander';
import { DEFAULT_FLEET_REGIONS, startSimulator, type FaultRule } from '../../core';
import { UsageError } from '../io';
import { printOut } from '../terminal';
import type { RegisterCommand } from './index';

interface SimOptions {
  port: string;
  seed: string;
  accounts: string;
  regions?: string;
  nodes: string;
  latency?: string;
  throttleRate?: string;
}

function positiveInt(value: string, name: string, allowZero = false): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1))
    throw new UsageError(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got "${value}"`);
  return n;
}

function positiveNumber(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, got "${value}"`);
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

export const registerSim: RegisterCommand = (program: Command) => {
  program
    .command('sim')
    .description('Run the simulated AWS endpoint (SSM, STS, EC2, Organizations) with a generated fleet until Ctrl-C.')
    .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', '0')
    .option('--seed <s>', 'fleet seed (same seed, same fleet)', 'patch-auditor')
    .option('--accounts <n>', 'number of simulated accounts', '3')
    .option('--regions <list>', `comma-separated regions holding nodes (default ${DEFAULT_FLEET_REGIONS.join(',')})`)
    .option('--nodes <n>', 'total managed nodes, spread over accounts × regions', '480')
    .option('--latency <ms>', 'added latency per call in milliseconds')
    .option('--throttle-rate <r>', 'calls per second per account and region before ThrottlingException')
    .action(async (opts: SimOptions) => {
      const accounts = positiveInt(opts.accounts, 'accounts');
      const regions = opts.regions
        ? opts.regions
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean)
        : [...DEFAULT_FLEET_REGIONS];
      if (regions.length === 0) throw new UsageError('--regions needs at least one region');
      const nodes = positiveInt(opts.nodes, 'nodes', true);
      const sim = await startSimulator({
        port: positiveInt(opts.port, 'port', true),
        fleetOptions: { seed: opts.seed, accounts, regions, nodesPerRegion: Math.ceil(nodes / (accounts * regions.length)) },
        faults: faultsFromOptions(opts.latency, opts.throttleRate),
      });
      const [first] = sim.credentials;
      const region = regions[0] ?? 'us-east-1';
      const lines = [
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
        `  aws --endpoint-url ${sim.url} organizations list-accounts`,
        '',
        'Press Ctrl-C to stop.',
      ];
      printOut(lines.join('\n'));
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await sim.close();
    });
};
