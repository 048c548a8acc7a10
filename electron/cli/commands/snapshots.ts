/**
 * `patch-audit snapshots [list | show ID | delete ID...]`: the local history from the command line.
 */
import { deletedText, snapshotListText, snapshotSummary, snapshotSummaryDocument, snapshotText } from '../../core';
import { parseId } from '../options';
import { terminalJson, terminalValue } from '../terminal';
import type { RegisterCommand } from './index';
import { print, printJson, useServices, withDbOptions, type DbOptions } from './storeOptions';

export const registerSnapshots: RegisterCommand = (program) => {
  const snapshots = program.command('snapshots').description('List, show and delete saved snapshots.');

  withDbOptions(snapshots.command('list', { isDefault: true }).description('list snapshots, newest first')).action((opts: DbOptions) =>
    useServices(opts, ({ snapshots }) => {
      const list = snapshots.list();
      if (opts.json) return printJson(list);
      print(snapshotListText(list, terminalValue));
    }),
  );

  withDbOptions(snapshots.command('show').argument('<id>').description('show one snapshot: scopes and rule summary')).action(
    (id: string, opts: DbOptions) =>
      useServices(opts, ({ snapshots, fleet }) => {
        const summary = snapshotSummary(snapshots, fleet, parseId(id));
        print(opts.json ? terminalJson(snapshotSummaryDocument(summary)) : snapshotText(summary, terminalValue));
      }),
  );

  withDbOptions(snapshots.command('delete').argument('<id...>').description('delete snapshots')).action((ids: string[], opts: DbOptions) =>
    useServices(opts, ({ snapshots }) => {
      const wanted = ids.map((id) => parseId(id));
      snapshots.deleteAll(wanted);
      if (opts.json) return printJson({ deleted: wanted });
      print(deletedText(wanted));
    }),
  );
};
