import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { SavedPlan, withoutExternalId, type PlanToSave } from '../../../shared/plans';
import { storableText } from '../../../shared/userText';
import { requireCatalog } from '../errors';

const PlansDocument = z.object({ version: z.literal(1), plans: z.array(z.unknown()) });

/** An entry of the file: a plan, or what a later version or a hand edit left there, kept as it was. */
type Entry = { plan: SavedPlan } | { unreadable: unknown };

interface PlansRead {
  entries: Entry[];
  /** The file exists but is not a plans document this version reads. */
  damaged: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A plan saved before the text rule (shared/userText.ts) may hold a label the rule now refuses
 * ("Team 👩‍💻"): it is read with that text made visible, as the database's snapshots were migrated,
 * rather than dropped.
 */
function withStorableText(entry: unknown): unknown {
  if (!isRecord(entry) || !isRecord(entry.plan)) return entry;
  const plan = { ...entry.plan };
  for (const key of ['label', 'client', 'engagement'] as const) {
    const text = plan[key];
    if (typeof text === 'string') plan[key] = storableText(text);
  }
  return { ...entry, plan };
}

function entryOf(raw: unknown): Entry {
  const parsed = SavedPlan.safeParse(raw);
  const plan = parsed.success ? parsed.data : SavedPlan.safeParse(withStorableText(raw)).data;
  // A hand-edited file could carry an external id: never hand it back.
  return plan ? { plan: { ...plan, plan: withoutExternalId(plan.plan).plan } } : { unreadable: raw };
}

/**
 * Saved audit plans in one JSON file in the data folder, written like the settings file
 * (temporary file, then rename) so a crash never leaves half a file. Nothing a save makes is
 * lost to a later one: an entry this version cannot read is listed in `unreadable()` and written
 * back as it was, and a file that is not a plans document at all is moved aside (`damagedCopy`)
 * before the first save replaces it.
 */
export class PlansFile {
  constructor(
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): SavedPlan[] {
    return this.#read().entries.flatMap((e) => ('plan' in e ? [e.plan] : []));
  }

  /** What could not be read as plans: entries kept in the file (not listed), or the whole file (moved aside by the next save). */
  unreadable(): { entries: number; wholeFile: boolean } {
    const { entries, damaged } = this.#read();
    return { entries: entries.filter((e) => 'unreadable' in e).length, wholeFile: damaged };
  }

  save(input: PlanToSave): SavedPlan {
    // A plan that could never run is refused now, not when the consultant starts it on site.
    if (input.plan.catalogEdition !== undefined) requireCatalog(input.plan.catalogEdition);
    const { plan, hadExternalId } = withoutExternalId(input.plan);
    const { entries, damaged } = this.#read();
    const saved: SavedPlan = {
      id: input.id ?? randomUUID(),
      name: input.name.trim(),
      savedAt: this.now().toISOString(),
      usesExternalId: hadExternalId || (input.usesExternalId ?? false),
      plan,
    };
    const at = entries.findIndex((e) => 'plan' in e && e.plan.id === saved.id);
    if (at >= 0) entries[at] = { plan: saved };
    else entries.push({ plan: saved });
    this.#write(entries, damaged);
    return saved;
  }

  delete(id: string): boolean {
    const { entries, damaged } = this.#read();
    const kept = entries.filter((e) => !('plan' in e && e.plan.id === id));
    if (kept.length === entries.length) return false;
    this.#write(kept, damaged);
    return true;
  }

  /** Where a file that was not a plans document is moved before a save replaces it. */
  damagedCopy(): string {
    return `${this.path}.unreadable-${this.now().toISOString().replace(/[:.]/g, '-')}`;
  }

  #read(): PlansRead {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return { entries: [], damaged: false };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { entries: [], damaged: true };
    }
    const doc = PlansDocument.safeParse(raw);
    if (!doc.success) return { entries: [], damaged: true };
    return { entries: doc.data.plans.map(entryOf), damaged: false };
  }

  #write(entries: Entry[], damaged: boolean): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    if (damaged && existsSync(this.path)) renameSync(this.path, this.damagedCopy());
    const plans = entries.map((e) => ('plan' in e ? e.plan : e.unreadable));
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ version: 1, plans }, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.path);
  }
}
