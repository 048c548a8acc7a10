/**
 * `patch-audit snapshots [list | show ID | delete ID...]`: the local history from the command line.
 */
import { CURRENT_CATALOG_ID } from '../../../shared/catalog';
import { isOlderEdition } from '../../../shared/editionNotice';
import { snapshotListText, snapshotText } from '../../core';
import { parseId } from '../options';
import { terminalValue } from '../terminal';
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
        const snapshot = snapshots.get(parseId(id));
        const { scopes, rules } = snapshots.summary(snapshot.id);
        // Issue 27: an older edition's verdict comes with the current page's beside it.
        const underCurrent = isOlderEdition(snapshot.catalogEdition) ? fleet.editionChanges(snapshot.id, CURRENT_CATALOG_ID, 1) : null;
        if (!opts.json) return print(snapshotText({ snapshot, scopes, rules, underCurrent }, terminalValue));
        const current = underCurrent && { from: underCurrent.from, to: underCurrent.to, totals: underCurrent.totals };
        printJson({ snapshot, scopes, rules, ...(current ? { underCurrentEdition: current } : {}) });
      }),
  );

  withDbOptions(snapshots.command('delete').argument('<id...>').description('delete snapshots')).action((ids: string[], opts: DbOptions) =>
    useServices(opts, ({ snapshots }) => {
      const wanted = ids.map((id) => parseId(id));
      snapshots.deleteAll(wanted);
      if (opts.json) return printJson({ deleted: wanted });
      print(`Deleted ${wanted.map((id) => `#${id}`).join(', ')}.`);
    }),
  );
};
