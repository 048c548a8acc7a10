/**
 * Contract fuzzing: every method of shared/contract.ts called through the Electron IPC binding
 * (bindIpc → dispatcher, as the desktop app wires them) with invalid inputs: wrong types, extra
 * keys, huge strings, nulls, arrays, prototype keys, deep nesting, and seeded mutations of a
 * valid input. Each is refused with `invalid_input`, no exception escapes, and settings, plans,
 * snapshots and the files in the data folder are as they were. Calls from any frame but the
 * app's own top-level one are refused for every method before any handler runs.
 * The hand-picked dispatcher cases are in electron/core/dispatch.test.ts and electron/main/ipc.test.ts.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditPlan } from '../../../shared/auditPlan';
import { contract, METHOD_NAMES, type CallResult, type MethodInput, type MethodName } from '../../../shared/contract';
import { createCore, type Core } from '../../../electron/core/createCore';
import { bindIpc } from '../../../electron/main/ipc';
import { DB_FILE } from '../../../electron/core/paths';
import { makeSnapshot } from '../../fixtures/makeSnapshot';
import { printTable } from './figures';
import { createPrng, JSON_MUTATIONS, mutateJson } from './mutate';
import { tempDir } from '../../support/tempDir';

const MUTATIONS_PER_METHOD = 60;
const PLAN: AuditPlan = { regions: ['us-east-1'], targets: { kind: 'self' } };
const UUID = '00000000-0000-4000-8000-000000000000';

/** One valid input per method (the compiler insists every method has one). */
const VALID: { [K in MethodName]: MethodInput<K> | undefined } = {
  'app:info': undefined,
  'app:openExternal': { url: 'https://docs.aws.amazon.com/' },
  'settings:get': undefined,
  'settings:set': { scanAgeDays: 7 },
  'profiles:list': undefined,
  'audit:start': PLAN,
  'audit:cancel': { runId: UUID },
  'audit:status': undefined,
  'audit:provideMfa': { runId: UUID, code: '123456' },
  'snapshots:list': undefined,
  'snapshots:get': { id: 1 },
  'snapshots:annotate': { id: 1, label: 'Q1' },
  'snapshots:delete': { id: 1 },
  'snapshots:reevaluate': { id: 1, scanAgeDays: 14 },
  'snapshots:summary': { id: 1 },
  'snapshots:export': { ids: [1] },
  'snapshots:import': { uploadId: 'abcdefghijklmnop' },
  'nodes:query': { snapshotId: 1, query: { limit: 10 } },
  'nodes:detail': { snapshotId: 1, accountId: '111111111111', region: 'us-east-1', instanceId: 'i-1' },
  'nodes:exportCsv': { snapshotId: 1, query: {}, columns: ['instanceId'], lang: 'en' },
  'unmanaged:list': { snapshotId: 1, filters: { causes: ['noRoute'] }, limit: 10 },
  'report:create': { snapshotId: 1, lang: 'en', paper: 'a4', format: 'html' },
  'report:exportJson': { snapshotId: 1 },
  'demo:load': { nodes: 9 },
  'trends:query': { groupBy: 'total' },
  'compare:run': { from: 1, to: 1 },
  'compare:editions': { snapshotId: 1, catalogEdition: 'aws-2026-11' },
  'plans:list': undefined,
  'plans:save': { name: 'fuzz', plan: PLAN },
  'plans:delete': { id: UUID },
  'plans:unreadable': undefined,
  'readiness:summary': { id: 1 },
  'figures:get': { id: 1 },
  'patches:summary': { snapshotId: 1, filters: { severities: ['Critical'] }, limit: 10 },
  'patches:nodes': { snapshotId: 1, cveId: 'CVE-2024-30051' },
  'patches:compare': { from: 1, to: 1 },
};

const HUGE = 'x'.repeat(1_000_000);
/** Inputs no method accepts (methods without input accept only `undefined`). */
const GENERIC: [string, () => unknown][] = [
  ['null', () => null],
  ['a number', () => 42],
  ['NaN', () => Number.NaN],
  ['a huge string', () => HUGE],
  ['an array', () => [1, 'two', { three: 3 }]],
  ['true', () => true],
  ['a function-free object with an unknown key', () => ({ unexpected: true })],
  ['a __proto__ key (as JSON.parse makes it)', () => JSON.parse('{"__proto__": {"polluted": true}}') as unknown],
  ['a constructor.prototype key', () => JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown],
  ['deep nesting', () => Array.from({ length: 2_000 }).reduce<unknown>((inner) => ({ a: inner }), {})],
  ['a Symbol-keyed object', () => ({ [Symbol('s')]: 1 })],
  ['a Date', () => new Date(0)],
];

function filesFingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.endsWith('-wal') && !name.endsWith('-shm') && !name.endsWith('.sqlite')) hash.update(name).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** The database file with its WAL written back: any committed change shows. */
function dbFingerprint(dataDir: string): string {
  const path = join(dataDir, DB_FILE);
  // Any connection can write the WAL back; the core's own stays untouched by the test.
  const db = new Database(path);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('contract fuzzing through the IPC binding', () => {
  let core: Core;
  let dataDir: string;
  const handlers = new Map<string, (event: { senderFrame: unknown }, input: unknown) => Promise<CallResult<unknown>>>();
  const appFrame = { url: 'app://renderer/index.html', parent: null };
  const opened: string[] = [];
  const table: Record<string, string | number>[] = [];

  const state = async () => ({
    settings: await core.dispatch('settings:get', undefined),
    plans: await core.dispatch('plans:list', undefined),
    snapshots: await core.dispatch('snapshots:list', undefined),
    audit: await core.dispatch('audit:status', undefined),
    db: dbFingerprint(dataDir),
    files: filesFingerprint(dataDir),
    opened: opened.length,
  });

  beforeAll(async () => {
    dataDir = tempDir('pa-fuzz-');
    core = createCore({
      dataDir,
      host: { host: 'web', versions: { node: process.versions.node }, openExternal: async (url) => void opened.push(url) },
    });
    core.services.snapshots.save(makeSnapshot({ nodes: 5, seed: 3 }));
    expect(await core.dispatch('plans:save', { name: 'kept', plan: PLAN })).toMatchObject({ ok: true });
    expect(await core.dispatch('settings:set', { language: 'en' })).toMatchObject({ ok: true });
    bindIpc({ handle: (name: string, handler: never) => handlers.set(name, handler) } as never, core.dispatch);
  });
  afterAll(async () => {
    printTable('contract fuzzing (every method, through bindIpc and the dispatcher)', table);
    await core?.close();
  });

  it('has a valid sample for every method, accepted by its schema', () => {
    expect(Object.keys(VALID).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) expect(contract.methods[name].input.safeParse(VALID[name]).success).toBe(true);
  });

  it.each(METHOD_NAMES)('%s refuses invalid input with invalid_input and changes nothing', async (name) => {
    const prng = createPrng(`fuzz:${name}`);
    const handler = handlers.get(name)!;
    const before = await state();
    const candidates: [string, unknown][] = GENERIC.map(([label, make]) => [label, make()]);
    if (VALID[name] !== undefined) {
      for (let i = 0; i < MUTATIONS_PER_METHOD; i++) {
        const kind = JSON_MUTATIONS[i % JSON_MUTATIONS.length]!;
        candidates.push([kind, JSON.parse(mutateJson(VALID[name], prng, kind)) as unknown]);
      }
    } else candidates.push(['an empty object', {}], ['an empty array', []]);

    let refused = 0;
    let validBySchema = 0;
    for (const [label, input] of candidates) {
      // A mutation can leave the input valid (a label that is still a label): not a fuzz case.
      if (contract.methods[name].input.safeParse(input).success) {
        // …but never a huge one: every string and list of the contract is bounded.
        expect(JSON.stringify(input).length, `${name} accepted ${label}`).toBeLessThan(10_000);
        validBySchema++;
        continue;
      }
      let result: CallResult<unknown>;
      try {
        result = await handler({ senderFrame: appFrame }, input);
      } catch (err) {
        throw new Error(`${name} threw for ${label}`, { cause: err });
      }
      expect(result, `${name} with ${label}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(JSON.stringify(result).length).toBeLessThan(20_000);
      refused++;
    }
    expect(await state()).toEqual(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(refused).toBeGreaterThanOrEqual(GENERIC.length);
    table.push({ method: name, tried: candidates.length, refused, 'valid (skipped)': validBySchema, escaped: 0 });
  });

  it('refuses every method from any frame but the app’s top-level one, before any handler runs', async () => {
    const dispatch = vi.fn(core.dispatch);
    const guarded = new Map<string, (event: { senderFrame: unknown }, input: unknown) => Promise<CallResult<unknown>>>();
    bindIpc({ handle: (name: string, handler: never) => guarded.set(name, handler) } as never, dispatch);
    const frames: [string, unknown][] = [
      ['a remote page', { url: 'https://evil.example/', parent: null }],
      ['a look-alike scheme', { url: 'app://renderer.evil.example/index.html', parent: null }],
      ['a subframe of the app', { url: 'app://renderer/index.html', parent: appFrame }],
      ['a file page', { url: 'file:///tmp/x.html', parent: null }],
      ['a data URL', { url: 'data:text/html,<script>1</script>', parent: null }],
      ['a destroyed frame', null],
    ];
    const before = await state();
    let refused = 0;
    for (const name of METHOD_NAMES) {
      for (const [, frame] of frames) {
        expect(await guarded.get(name)!({ senderFrame: frame }, VALID[name])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        refused++;
      }
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(await state()).toEqual(before);
    table.push({
      method: `(all ${METHOD_NAMES.length}) from ${frames.length} untrusted frames`,
      tried: refused,
      refused,
      'valid (skipped)': 0,
      escaped: 0,
    });
  });
});
