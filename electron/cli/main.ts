/**
 * `patch-audit`: the same core as the desktop app, headless (docs/design.md §1).
 * Each command lives in ./commands and registers itself on the program.
 */
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../../shared/toolVersion';
import { commands } from './commands';
import { ChromiumNotFound, UserFacingError } from '../core';
import { UsageError } from './io';
import { printErr, terminalText } from './terminal';

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('patch-audit')
    .description('Audit AWS Systems Manager Patch Manager prerequisites and patch compliance.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(terminalText(s)), writeErr: (s) => process.stderr.write(terminalText(s)) });
  let exitCode = 0;
  for (const register of commands) register(program, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError || err instanceof UserFacingError) {
      printErr(`patch-audit: ${err.message}`);
      return 2;
    }
    if (err instanceof ChromiumNotFound) {
      printErr(`patch-audit: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
