import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanToSave } from '../../../shared/plans';
import { tempDir } from '../../../test/support/tempDir';
import { PlansFile } from './plansFile';

const other: PlanToSave = { name: 'Other', plan: { regions: ['us-east-1'], targets: { kind: 'self' } } };
const fileOf = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { version: number; plans: unknown[] };

/** plans.json as the previous version wrote it, holding `entries`. */
function previousFile(entries: unknown[]): string {
  const path = join(tempDir('pa-plans-'), 'plans.json');
  writeFileSync(path, JSON.stringify({ version: 1, plans: entries }));
  return path;
}

describe('PlansFile, with plans saved before the text rule (issue 28)', () => {
  // The reviewer's reproduction: a label with a ZWJ emoji was valid when it was saved.
  const old = {
    id: randomUUID(),
    name: 'Acme weekly',
    savedAt: '2026-11-01T00:00:00.000Z',
    usesExternalId: false,
    plan: { regions: ['eu-west-1'], targets: { kind: 'self' }, label: 'Team 👩\u200D💻', client: 'Acme\uFFFD' },
  };

  it('lists a plan whose text the rule now refuses with that text made visible, and keeps it through a later save', () => {
    const path = previousFile([old]);
    const plans = new PlansFile(path);
    const [listed] = plans.list();
    expect(listed).toMatchObject({ id: old.id, name: 'Acme weekly', plan: { label: 'Team 👩⟨U+200D⟩💻', client: 'Acme⟨U+FFFD⟩' } });
    expect(plans.unreadable()).toEqual({ entries: 0, wholeFile: false });
    plans.save(other);
    expect(plans.list().map((p) => p.name)).toEqual(['Acme weekly', 'Other']);
    expect(fileOf(path).plans).toHaveLength(2);
  });

  it('never deletes an entry it cannot read: a save and a delete write it back as it was', () => {
    const unknown = {
      id: 'not-a-uuid',
      name: 'From a later version',
      plan: { regions: ['eu-west-1'], targets: { kind: 'org' } },
      extra: [1, 2],
    };
    const path = previousFile([unknown, old]);
    const plans = new PlansFile(path);
    expect(plans.list().map((p) => p.name)).toEqual(['Acme weekly']);
    expect(plans.unreadable()).toEqual({ entries: 1, wholeFile: false });
    const saved = plans.save(other);
    expect(plans.delete(old.id)).toBe(true);
    expect(plans.delete(saved.id)).toBe(true);
    expect(fileOf(path)).toEqual({ version: 1, plans: [unknown] });
    expect(plans.unreadable()).toEqual({ entries: 1, wholeFile: false });
  });

  it('moves a file that is not a plans document aside before the first save replaces it', () => {
    const path = join(tempDir('pa-plans-'), 'plans.json');
    writeFileSync(path, '{"version": 2, "plans": [');
    const plans = new PlansFile(path, () => new Date('2026-12-07T10:00:00.000Z'));
    expect(plans.list()).toEqual([]);
    expect(plans.unreadable()).toEqual({ entries: 0, wholeFile: true });
    plans.save(other);
    expect(readFileSync(plans.damagedCopy(), 'utf8')).toBe('{"version": 2, "plans": [');
    expect(readdirSync(join(path, '..')).sort()).toEqual(['plans.json', 'plans.json.unreadable-2026-12-07T10-00-00-000Z']);
    expect(plans.list().map((p) => p.name)).toEqual(['Other']);
    expect(plans.unreadable()).toEqual({ entries: 0, wholeFile: false });
  });

  it('starts a missing file without a copy', () => {
    const path = join(tempDir('pa-plans-'), 'plans.json');
    const plans = new PlansFile(path);
    plans.save(other);
    expect(existsSync(plans.damagedCopy())).toBe(false);
    expect(fileOf(path).plans).toHaveLength(1);
  });
});
