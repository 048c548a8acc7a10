/**
 * The CLI as a host of the core: the same services the app uses, over the database `--db`
 * names (or the app's), with files given as paths on the command line and reports printed by
 * a Chromium launched on first use.
 */
import { existsSync } from 'node:fs';
import { TOOL_VERSION } from '../../shared/toolVersion';
import { createCore, defaultDataDir, defaultDbPath, lazyChromiumPrinter, type Core } from '../core';
import { UsageError } from './io';

export interface CliCoreOptions {
  db?: string | undefined;
  /** Commands that write (audit, import) may create the database; readers refuse a missing one. */
  create?: boolean;
}

/** Runs `use` on a core and closes it (and any browser it launched) after. */
export async function withCore<T>(options: CliCoreOptions, use: (core: Core) => T | Promise<T>): Promise<T> {
  const dbPath = options.db ?? defaultDbPath();
  // Opening a missing path would create an empty database where a mistyped --db points.
  if (!options.create && !existsSync(dbPath)) {
    throw new UsageError(`no database at ${dbPath}${options.db ? '' : ' (run an audit first, or pass --db)'}`);
  }
  const chromium = lazyChromiumPrinter();
  const core = createCore({
    dataDir: defaultDataDir(),
    dbPath,
    host: { host: 'cli', versions: { node: process.versions.node, 'patch-audit': TOOL_VERSION }, openExternal: async () => {} },
    printer: chromium.printer,
  });
  try {
    return await use(core);
  } finally {
    await core.close();
    await chromium.close();
  }
}
