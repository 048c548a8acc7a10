/**
 * `patch-audit`: the same core as the desktop app, headless (docs/design.md §1).
 * Each command lives in ./commands and registers itself on the program.
 */
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../../shared/toolVersion';
import { commands } from './commands';
import { failureOf, wantsJson } from './failure';
import { printErr, printOut, terminalJson, terminalText } from './terminal';

const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * A reader that stops early (`patch-audit figures 5 | head`) closes the pipe: the rest of the
 * output has nowhere to go, which is the reader's choice, not a failure worth a stack trace.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream, exit: (code: number) => void): void {
  // Once per stream: tests run main() many times in one process.
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') exit(0);
    else throw err;
  });
}

export async function main(argv: readonly string[]): Promise<number> {
  endQuietlyOnClosedPipe(process.stdout, (code) => process.exit(code));
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
