/**
 * `ssm:GetInventory` filtered to the applications that may be Python interpreters (P2). Optional.
 * The live audit sends this filter; `patch-audit evaluate` asks the client to run the same one.
 */
import type { InventoryApp } from '../../../../shared/model';
import { SOURCE_GAPS } from '../../../../shared/rules/sources';
import { instanceId, text } from './awsValues';

export const INVENTORY = { action: SOURCE_GAPS.inventory, required: false } as const;

export const APPLICATION_TYPE = 'AWS:Application';
/**
 * Name prefixes of interpreter packages, matched by AWS with BeginWith: `python…` for most Linux
 * packaging, `Python…` for Windows installers, and `platform-python` (RHEL/CentOS 8's interpreter
 * for system tools, which begins with neither).
 */
const INVENTORY_NAME_PREFIXES = ['python', 'Python', 'platform-python'] as const;
export const INVENTORY_FILTER = { Key: `${APPLICATION_TYPE}.Name`, Values: [...INVENTORY_NAME_PREFIXES], Type: 'BeginWith' } as const;

/** The export file's limit on a node's inventory entries (store/archiveSchema.ts). */
const MAX_INVENTORY_ITEMS = 1000;
/** A name that may be an interpreter package; which ones are is the Python rule's call (shared/rules/pythonInventory.ts). */
const CANDIDATE = /python/i;

/**
 * One inventory entity's applications that may be Python interpreters; null when the entity
 * carries no application data (the node has no application inventory).
 */
function pythonApplications(entity: unknown): InventoryApp[] | null {
  const data = entity !== null && typeof entity === 'object' ? (entity as { Data?: unknown }).Data : undefined;
  const application = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[APPLICATION_TYPE] : undefined;
  const content = application !== null && typeof application === 'object' ? (application as { Content?: unknown }).Content : undefined;
  if (!Array.isArray(content)) return null;
  return content
    .flatMap((item: unknown) => {
      if (item === null || typeof item !== 'object') return [];
      const raw = item as Record<string, unknown>;
      const name = text(raw.Name, 256);
      return name && CANDIDATE.test(name) ? [{ name, version: text(raw.Version, 128) ?? '' }] : [];
    })
    .slice(0, MAX_INVENTORY_ITEMS);
}

/** Inventory entities by node id; an entity without a usable id is skipped. */
export function inventoryById(
  entities: Iterable<unknown>,
  into = new Map<string, InventoryApp[] | null>(),
): Map<string, InventoryApp[] | null> {
  for (const entity of entities) {
    const id = instanceId(entity !== null && typeof entity === 'object' ? (entity as { Id?: unknown }).Id : undefined);
    if (id) into.set(id, pythonApplications(entity));
  }
  return into;
}
