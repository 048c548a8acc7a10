/**
 * `patch-audit sim`: runs the simulated AWS endpoint alone (demo, manual tests with the AWS
 * CLI), printing what a client needs to reach it, until Ctrl-C.
 */
import { DEFAULT_FLEET_REGIONS, simulatorOptions, simulatorWelcome, startSimulator, type SimTextOptions } from '../../core';
import { printOut } from '../terminal';
import type { RegisterCommand } from './index';

export const registerSim: RegisterCommand = (program) => {
  program
    .command('sim')
    .description('Run the simulated AWS endpoint (SSM, STS, EC2, IAM, Organizations) with a generated fleet until Ctrl-C.')
    .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', '0')
    .option('--seed <s>', 'fleet seed (same seed, same fleet)', 'patch-auditor')
    .option('--accounts <n>', 'number of simulated accounts', '3')
    .option('--regions <list>', `comma-separated regions holding nodes (default ${DEFAULT_FLEET_REGIONS.join(',')})`)
    .option('--nodes <n>', 'total managed nodes, spread over accounts × regions', '480')
    .option('--latency <ms>', 'added latency per call in milliseconds')
    .option('--throttle-rate <r>', 'calls per second per account and region before ThrottlingException')
    .action(async (opts: SimTextOptions) => {
      const { regions, ...options } = simulatorOptions(opts);
      const sim = await startSimulator(options);
      printOut(simulatorWelcome(sim, regions));
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
