/**
 * `patch-audit`: the same core as the desktop app, headless (docs/design.md §1).
 * Each command lives in ./commands and registers itself on the program.
 */
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../../shared/toolVersion';
import { commands } from './commands';
import { failureOf, wantsJson } from './failure';
import { printErr, printOut, terminalJson, terminalText } from './terminal';

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('patch-audit')
    .description('Audit AWS Systems Manager Patch Manager prerequisites and patch compliance.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(terminalText(s)),
      writeErr: (s) => process.stderr.write(terminalText(s)),
      // Option and argument errors take the same `patch-audit: …` form as every other failure.
      outputError: (s, write) => write(`patch-audit: ${s.replace(/^error: /, '')}`),
    });
  let exitCode = 0;
  for (const register of commands) register(program, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (err) {
    // Help and --version end through exitOverride too, with code 0 and nothing to add.
    if (err instanceof CommanderError && err.exitCode === 0) return 0;
    const failure = failureOf(err);
    // Commander has printed its own line already.
    if (!(err instanceof CommanderError)) printErr(`patch-audit: ${failure.message}`);
    if (wantsJson(argv)) printOut(terminalJson({ error: failure.message }));
    return failure.exitCode;
  }
}
