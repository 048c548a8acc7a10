import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { SavedPlan, withoutExternalId, type PlanToSave } from '../../../shared/plans';
import { requireCatalog } from '../errors';

const PlansDocument = z.object({ version: z.literal(1), plans: z.array(z.unknown()) });

/**
 * Saved audit plans in one JSON file in the data folder, written like the settings file
 * (temporary file, then rename) so a crash never leaves half a file. A damaged entry is
 * skipped rather than losing the others; an unreadable file reads as no plans.
 */
export class PlansFile {
  constructor(
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): SavedPlan[] {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      return [];
    }
    const doc = PlansDocument.safeParse(raw);
    if (!doc.success) return [];
    return doc.data.plans.flatMap((entry) => {
      const parsed = SavedPlan.safeParse(entry);
      // A hand-edited file could carry an external id: never hand it back.
      return parsed.success ? [{ ...parsed.data, plan: withoutExternalId(parsed.data.plan).plan }] : [];
    });
  }

  save(input: PlanToSave): SavedPlan {
    // A plan that could never run is refused now, not when the consultant starts it on site.
    if (input.plan.catalogEdition !== undefined) requireCatalog(input.plan.catalogEdition);
    const { plan, hadExternalId } = withoutExternalId(input.plan);
    const plans = this.list();
    const saved: SavedPlan = {
      id: input.id ?? randomUUID(),
      name: input.name.trim(),
      savedAt: this.now().toISOString(),
      usesExternalId: hadExternalId || (input.usesExternalId ?? false),
      plan,
    };
    const at = plans.findIndex((p) => p.id === saved.id);
    if (at >= 0) plans[at] = saved;
    else plans.push(saved);
    this.#write(plans);
    return saved;
  }

  delete(id: string): boolean {
    const plans = this.list();
    const kept = plans.filter((p) => p.id !== id);
    if (kept.length === plans.length) return false;
    this.#write(kept);
    return true;
  }

  #write(plans: SavedPlan[]): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ version: 1, plans }, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.path);
  }
}
