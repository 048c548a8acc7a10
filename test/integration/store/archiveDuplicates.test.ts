/**
 * Issue 28 item 4: duplicates are judged by content. The same content is skipped and named,
 * different content is always imported, the summary counts what happened, and
 * `snapshots:changed` is sent whenever something was added.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/core/events';
import { SnapshotService, type ImportOutcome } from '../../../electron/core/services/snapshots';
import { exportSnapshots, openStore, type ArchiveSnapshot, type Store } from '../../../electron/core/store';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { tempDir } from '../../support/tempDir';

let dir: string;
let source: Store;
let target: Store;
let audit: number;

beforeEach(() => {
  dir = tempDir('pa-archive-dup-');
  source = openStore({ path: join(dir, 'source.sqlite') });
  target = openStore({ path: join(dir, 'target.sqlite') });
  audit = source.saveSnapshot(makeSnapshot({ nodes: 12, seed: 4, label: 'first', accounts: ['111111111111', '222222222222'] }));
});
afterEach(() => {
  source.close();
  target.close();
});

/** Rewrites an export's snapshots and fixes its header, so the file is valid and only its content differs. */
function rewrite(file: string, name: string, change: (snapshots: ArchiveSnapshot[]) => void): string {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const nl = text.indexOf('\n');
  const payload = JSON.parse(text.slice(nl + 1)) as { snapshots: ArchiveSnapshot[] };
  change(payload.snapshots);
  const bytes = Buffer.from(JSON.stringify(payload), 'utf8');
  const header = {
    ...(JSON.parse(text.slice(0, nl)) as Record<string, unknown>),
    snapshots: payload.snapshots.length,
    payloadBytes: bytes.length,
    payloadSha256: createHash('sha256').update(bytes).digest('hex'),
  };
  const out = join(dir, name);
  writeFileSync(out, gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), bytes])));
  return out;
}

function exported(ids: number[], name = 'export.patchaudit'): string {
  const file = join(dir, name);
  exportSnapshots(source, ids, file);
  return file;
}

async function importInto(store: Store, file: string): Promise<{ outcome: ImportOutcome; changed: number[][] }> {
  const events = new EventBus();
  const changed: number[][] = [];
  events.subscribe((name, payload) => {
    if (name === 'snapshots:changed') changed.push((payload as { ids: number[] }).ids);
  });
  const service = new SnapshotService(store, events, () => ({ catalogEdition: 'seed-2022', scanAgeDays: 7 }));
  return { outcome: await service.importFile(file), changed };
}

describe('import judges duplicates by content', () => {
  it('skips a snapshot whose content is already here, naming it, whatever its label and client', async () => {
    const first = await importInto(target, exported([audit]));
    expect(first.outcome).toEqual({ imported: [1], alreadyPresent: [], repeatedInFile: [] });
    expect(first.changed).toEqual([[1]]);
    const relabelled = rewrite(exported([audit]), 'relabelled.patchaudit', ([s]) => {
      s!.label = 'another label';
      s!.client = 'another client';
      s!.nodes.reverse();
    });
    const again = await importInto(target, relabelled);
    expect(again.outcome).toEqual({ imported: [], alreadyPresent: [1], repeatedInFile: [] });
    expect(again.changed).toEqual([]);
    expect(target.listSnapshots()).toHaveLength(1);
  });

  it('imports different content with the same times, edition, status, node count and scopes as a new snapshot', async () => {
    await importInto(target, exported([audit]));
    const changed = rewrite(exported([audit]), 'changed.patchaudit', ([s]) => {
      s!.label = 'other';
      s!.client = 'other client';
      s!.nodes[0]!.facts.name = 'renamed';
      for (const node of s!.nodes) for (const check of node.checks) check.status = check.status === 'pass' ? 'fail' : 'pass';
    });
    const result = await importInto(target, changed);
    expect(result.outcome).toEqual({ imported: [2], alreadyPresent: [], repeatedInFile: [] });
    expect(result.changed).toEqual([[2]]);
    expect(target.loadSnapshotInput(2).input.nodes.find((n) => n.facts.name === 'renamed')).toBeDefined();
  });

  it('imports one of two identical snapshots of a file and says the other repeated it', async () => {
    const twin = source.saveSnapshot({ ...source.loadSnapshotInput(audit).input, label: 'twin' });
    const file = exported([audit, twin], 'twins.patchaudit');
    const into = await importInto(target, file);
    expect(into.outcome).toEqual({ imported: [1], alreadyPresent: [], repeatedInFile: [1] });
    expect(into.changed).toEqual([[1]]);
    expect(target.listSnapshots()).toHaveLength(1);
    // Into a database that has it: both copies name the snapshot already here, nothing is added.
    const again = await importInto(target, file);
    expect(again.outcome).toEqual({ imported: [], alreadyPresent: [1], repeatedInFile: [] });
    expect(again.changed).toEqual([]);
  });

  it('never drops a snapshot whose content differs by one check, one fact or one scope figure', async () => {
    const file = exported([audit]);
    await importInto(target, file);
    let added = 1;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 11 }),
        fc.constantFrom<'check' | 'fact' | 'scope'>('check', 'fact', 'scope'),
        fc.nat(),
        async (node, what, salt) => {
          const mutated = rewrite(file, `mutated-${added}.patchaudit`, ([s]) => {
            if (what === 'check') s!.nodes[node]!.checks[salt % s!.nodes[node]!.checks.length]!.code = `changed.${added}`;
            if (what === 'fact') s!.nodes[node]!.facts.agentVersion = `9.${added}.${salt}`;
            if (what === 'scope') s!.scopes[salt % s!.scopes.length]!.calls += added;
          });
          const result = await importInto(target, mutated);
          added++;
          expect(result.outcome.imported).toEqual([added]);
          expect(result.changed).toEqual([[added]]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
