/**
 * `patch-audit snapshots [list | show ID | delete ID...]`: the local history from the command line.
 */
import { CURRENT_CATALOG_ID, editionWithId } from '../../../shared/catalog';
import { editionNotice, isOlderEdition } from '../../../shared/editionNotice';
import { scopeErrorText, scopeRegionText, type GapErrors } from '../../../shared/scopeErrors';
import { snapshotNotes } from '../../../shared/snapshotDescription';
import type { SnapshotMeta } from '../../core';
import { parseId } from '../options';
import type { RegisterCommand } from './index';
import { countOrUnknown, patchBasis, pct, print, printJson, table, useServices, withDbOptions } from './storeOptions';
import { terminalValue } from '../terminal';
import type { DbOptions } from './storeOptions';

/** The sources a scope could not read, each with the AWS error code behind it. */
const gapNote = (gaps: readonly string[], errors: GapErrors): string =>
  gaps.map((gap) => (errors[gap] ? `${gap} (${errors[gap].errorParams.name ?? scopeErrorText(errors[gap], 'en')})` : gap)).join(', ');

const notes = (s: SnapshotMeta): string => snapshotNotes(s, 'en').join('; ');

export const registerSnapshots: RegisterCommand = (program) => {
  const snapshots = program.command('snapshots').description('List, show and delete saved snapshots.');

  withDbOptions(snapshots.command('list', { isDefault: true }).description('list snapshots, newest first')).action((opts: DbOptions) =>
    useServices(opts, ({ snapshots }) => {
      const list = snapshots.list();
      if (opts.json) return printJson(list);
      if (!list.length) return print('No snapshots.');
      print(
        table(
          ['ID', 'STARTED', 'STATUS', 'NODES', 'CATALOG', 'LABEL', 'CLIENT', 'NOTE'],
          list.map((s) => [
            s.id,
            s.startedAt,
            s.status,
            s.nodeCount,
            editionWithId(s.catalogEdition, 'en'),
            s.label ?? '',
            s.client ?? '',
            notes(s),
          ]),
        ),
      );
    }),
  );

  withDbOptions(snapshots.command('show').argument('<id>').description('show one snapshot: scopes and rule summary')).action(
    (id: string, opts: DbOptions) =>
      useServices(opts, ({ snapshots, fleet }) => {
        const snap = snapshots.get(parseId(id));
        const { scopes, rules } = snapshots.summary(snap.id);
        // Issue 27: an older edition's verdict comes with the current page's beside it.
        const underCurrent = isOlderEdition(snap.catalogEdition) ? fleet.editionChanges(snap.id, CURRENT_CATALOG_ID, 1) : null;
        if (opts.json) {
          const current = underCurrent && { from: underCurrent.from, to: underCurrent.to, totals: underCurrent.totals };
          return printJson({ snapshot: snap, scopes, rules, ...(current ? { underCurrentEdition: current } : {}) });
        }
        print(
          `Snapshot #${snap.id}  ${terminalValue(snap.label ?? '')}\n  started ${snap.startedAt}, ${snap.status}, ${snap.nodeCount} nodes, catalog ${editionWithId(snap.catalogEdition, 'en')}, scan age ${snap.scanAgeDays} days, tool ${snap.toolVersion}`,
        );
        for (const note of snapshotNotes(snap, 'en')) print(`  ${terminalValue(note)}`);
        const notice = underCurrent && editionNotice(underCurrent, 'en');
        if (notice) print(`  ${notice}`);
        print('');
        print(
          table(
            ['ACCOUNT', 'REGION', 'SCOPE', 'NODES', 'PATCH READ', 'COMPLIANT', 'MISSING CRIT', 'MISSING SEC', 'NOTE'],
            scopes.map((s) => [
              s.accountId,
              scopeRegionText(s.region, 'en'),
              s.scope?.status ?? '-',
              s.nodes,
              patchBasis(s),
              pct(s.compliancePct),
              countOrUnknown(s.missingCritical),
              countOrUnknown(s.missingSecurity),
              s.scope?.error ?? gapNote(s.scope?.gaps ?? [], s.scope?.gapErrors ?? {}),
            ]),
          ),
        );
        print('');
        print(
          table(
            ['RULE', 'PASS', 'FAIL', 'WARN', 'UNKNOWN', 'N/A'],
            rules.map((r) => [r.rule, r.pass, r.fail, r.warn, r.unknown, r.not_applicable]),
          ),
        );
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
