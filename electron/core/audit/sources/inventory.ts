/**
 * `ssm:GetInventory` filtered to the applications that may be Python interpreters (P2). Optional.
 * The live audit sends this filter; `patch-audit evaluate` asks the client to run the same one.
 */
import { paginateGetInventory } from '@aws-sdk/client-ssm';
import { z } from 'zod';
import type { InventoryApp } from '../../../../shared/model';
import { instanceId, text } from './awsValues';
import { checkAbort, readIf, type NodeSourceModule, type SourceContext } from './source';

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

async function collect(ctx: SourceContext): Promise<Map<string, InventoryApp[] | null>> {
  const apps = new Map<string, InventoryApp[] | null>();
  const pages = paginateGetInventory(
    { client: ctx.clients.ssm, pageSize: 50 },
    // Only the interpreter entries matter (P2); filtering server-side keeps pages small.
    {
      MaxResults: 50,
      Filters: [{ ...INVENTORY_FILTER, Values: [...INVENTORY_FILTER.Values] }],
      ResultAttributes: [{ TypeName: APPLICATION_TYPE }],
    },
  );
  for await (const page of pages) {
    checkAbort(ctx.signal);
    inventoryById(Array.isArray(page.Entities) ? page.Entities : [], apps);
  }
  return apps;
}

/** One entity of `aws ssm get-inventory` output. */
const InventoryEntity = z.object({
  Id: z.string().min(1),
  Data: z.record(z.string(), z.object({ Content: z.array(z.record(z.string(), z.unknown())).optional() })).optional(),
});
type InventoryEntity = z.infer<typeof InventoryEntity>;

/**
 * The live audit's own inventory filter, as the AWS CLI command a client runs. The shorthand is in
 * double quotes: PowerShell reads unquoted commas as an array and would pass the filter as
 * separate arguments; bash and cmd take the quoted form alike.
 */
export const INVENTORY_COMMAND = `aws ssm get-inventory --filters "Key=${INVENTORY_FILTER.Key},Values=${INVENTORY_FILTER.Values.join(',')},Type=${INVENTORY_FILTER.Type}" --result-attributes TypeName=${APPLICATION_TYPE}`;

/** get-inventory without the application filter lists `AWS:InstanceInformation` only: no Python data at all. */
function withoutApplicationData(entities: readonly unknown[]): string | undefined {
  const hasApplicationData = (entities as InventoryEntity[]).some((entity) => entity.Data?.[APPLICATION_TYPE] !== undefined);
  return entities.length > 0 && !hasApplicationData
    ? `the get-inventory output holds no AWS:Application data (it was run without the application filter), so Python checks are unknown; re-run it as: ${INVENTORY_COMMAND}`
    : undefined;
}

export const inventory: NodeSourceModule<'inventory', ReadonlyMap<string, InventoryApp[] | null>> = {
  key: 'inventory',
  dependsOn: { on: 'nodes' },
  collect,
  fromCliFiles: {
    howToSave: {
      bash: [`${INVENTORY_COMMAND} --output json > inventory.json`],
      powershell: [`${INVENTORY_COMMAND} --output json > inventory.json`],
    },
    kinds: {
      Entities: {
        command: 'aws ssm get-inventory',
        item: InventoryEntity,
        identity: (item: InventoryEntity) => item.Id,
        unusable: withoutApplicationData,
      },
    },
    read: (items) => readIf(items.has('Entities'), () => inventoryById(items.get('Entities') ?? [])),
  },
  toFacts: (node, read) =>
    read.status === 'ok' ? { inventory: read.value.get(node.instanceId) ?? null, status: 'ok' } : { status: read.status },
};
