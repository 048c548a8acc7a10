/**
 * The one typed contract between the renderer and the main process (docs/design.md §3).
 *
 * Every call the renderer can make and every event it can receive is declared here with
 * zod schemas. The preload bridge, the `ipcMain.handle` bindings, the web host's routes
 * and the handler interfaces are all derived from this object, so a later issue adds an
 * entry here and a handler in the core, never plumbing.
 *
 * Credentials never cross it: the renderer sees profile names, account ids and results only.
 */
import { z } from 'zod';
import { AuditOutcome, AuditPlan, AuditProgress } from './auditPlan';
import {
  Comparison,
  EditionComparison,
  NodeDetail,
  NodeFilters,
  NodePage,
  NodeQuery,
  NodeSortKey,
  RuleSummaryRow,
  ScopeSummaryRow,
  SnapshotAnnotation,
  SnapshotDetail,
  SnapshotMeta,
  TrendPoint,
  TrendQuery,
} from './history';
import { UnmanagedFilters, UnmanagedPage } from './ec2Coverage';
import { SnapshotFigures } from './figures';
import { MissingPatchSummary, PatchComparison, PatchFilters, PatchNode } from './missingPatches';
import { Lang } from './model';
import { REPORT_APPENDIX_MODES, REPORT_SECTIONS } from './reportSections';
import { PlanId, PlanToSave, SavedPlan } from './plans';
import { Readiness } from './readiness';

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const none = z.undefined();

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/**
 * A whole number in a range, refused in words a user can act on: every host shows the same
 * message, the CLI after the option's name (zod's default, "expected int, received number",
 * names neither the range nor the unit).
 */
const wholeNumber = (min: number, max: number, unit = '') => {
  const error = `must be a whole number${unit} from ${min} to ${max.toLocaleString('en-US')}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
/** `patch.scan-age`: a last patch operation older than this many days is stale. */
const ScanAgeDays = wholeNumber(1, 365, ' of days');
/** How many rows a list answers at most. */
const ListLimit = wholeNumber(1, 10_000);

export const Settings = z.object({
  language: Lang,
  theme: Theme,
  catalogEdition: z.string().min(1).max(64),
  scanAgeDays: ScanAgeDays,
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** `electron` in the desktop app, `web` in the loopback web host, `cli` in patch-audit. */
  host: z.enum(['electron', 'web', 'cli']),
  platform: z.string(),
  versions: z.record(z.string(), z.string()),
  dataDir: z.string(),
  catalogEditions: z.array(z.string()),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const ProfileSummary = z.object({
  name: z.string(),
  kind: z.enum(['static', 'sso', 'assume-role', 'process', 'web-identity', 'other']),
  region: z.string().optional(),
  mfa: z.boolean(),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

const RunRef = z.object({ runId: z.string().uuid() }).strict();
const ReportSection = z.enum(REPORT_SECTIONS);
const SnapshotId = z.number().int().positive();
const SnapshotRef = z.object({ id: SnapshotId }).strict();
/** What a save produced: in the web host, a one-time download URL on the host's own origin. */
const Saved = z.object({ saved: z.boolean(), fileName: z.string().optional(), downloadUrl: z.string().optional() });
const NodeRef = z
  .object({ snapshotId: SnapshotId, accountId: z.string().max(64), region: z.string().max(64), instanceId: z.string().max(128) })
  .strict();
/** One report to write: the CLI, the demo and every host's `report:create` take this shape. */
export const ReportRequest = z
  .object({
    snapshotId: SnapshotId,
    compareTo: SnapshotId.optional(),
    lang: Lang,
    paper: z.enum(['a4', 'letter']),
    sections: z.array(ReportSection).min(1).max(REPORT_SECTIONS.length).optional(),
    /** The node appendix: every node (the default), only those not ready or not verified, or none. */
    appendix: z.enum(REPORT_APPENDIX_MODES).optional(),
    format: z.enum(['pdf', 'html']),
  })
  .strict();
export type ReportRequest = z.output<typeof ReportRequest>;
const PatchNodesBase = z.object({
  snapshotId: SnapshotId,
  filters: PatchFilters.optional(),
  limit: ListLimit.optional(),
});

export const contract = {
  methods: {
    'app:info': method(none, AppInfo),
    'app:openExternal': method(z.object({ url: z.string().max(2048) }).strict(), z.object({ opened: z.boolean() })),
    'settings:get': method(none, Settings),
    'settings:set': method(SettingsPatch, Settings),
    'profiles:list': method(none, z.array(ProfileSummary)),
    'audit:start': method(AuditPlan, RunRef),
    'audit:cancel': method(RunRef, z.object({ cancelled: z.boolean() })),
    'audit:status': method(none, AuditProgress.nullable()),
    'audit:provideMfa': method(
      RunRef.extend({ code: z.string().regex(/^\d{6}$/, 'an MFA code is 6 digits') }).strict(),
      z.object({ accepted: z.boolean() }),
    ),
    'snapshots:list': method(none, z.array(SnapshotMeta)),
    'snapshots:get': method(SnapshotRef, SnapshotDetail),
    'snapshots:annotate': method(SnapshotAnnotation, SnapshotMeta),
    'snapshots:delete': method(SnapshotRef, z.object({ deleted: z.boolean() })),
    'snapshots:reevaluate': method(
      z.object({ id: SnapshotId, catalogEdition: z.string().max(64).optional(), scanAgeDays: ScanAgeDays.optional() }).strict(),
      SnapshotMeta,
    ),
    'snapshots:summary': method(
      z.object({ id: SnapshotId, filters: NodeFilters.optional() }).strict(),
      z.object({ rules: z.array(RuleSummaryRow), scopes: z.array(ScopeSummaryRow) }),
    ),
    'snapshots:export': method(z.object({ ids: z.array(SnapshotId).min(1).max(500) }).strict(), Saved),
    /** In the web host `uploadId` names a file uploaded to `/upload`; the desktop app shows the open dialog. */
    'snapshots:import': method(
      z
        .object({
          uploadId: z
            .string()
            .regex(/^[A-Za-z0-9_-]{16,64}$/)
            .optional(),
        })
        .strict(),
      z.object({
        imported: z.array(SnapshotId),
        alreadyPresent: z.array(SnapshotId),
        /** Snapshots added by this import that the file held more than once; the other copies were skipped. */
        repeatedInFile: z.array(SnapshotId),
        cancelled: z.boolean(),
      }),
    ),
    'nodes:query': method(z.object({ snapshotId: SnapshotId, query: NodeQuery }).strict(), NodePage),
    'nodes:detail': method(NodeRef, NodeDetail),
    /** The node table as the user sees it (filters, sort, shown columns) as a CSV file, via the save dialog. */
    'nodes:exportCsv': method(
      z
        .object({
          snapshotId: SnapshotId,
          query: NodeQuery.omit({ offset: true, limit: true }),
          columns: z.array(NodeSortKey).min(1).max(NodeSortKey.options.length),
          lang: Lang,
        })
        .strict(),
      Saved.extend({ rows: z.number().int().nonnegative().optional() }),
    ),
    /** The EC2 instances that are not managed nodes, with their causes (issue 30); sorted by account, region, instance id. */
    'unmanaged:list': method(
      z
        .object({
          snapshotId: SnapshotId,
          filters: UnmanagedFilters.optional(),
          offset: z.number().int().min(0).max(10_000_000).optional(),
          limit: ListLimit.optional(),
        })
        .strict(),
      UnmanagedPage,
    ),
    'report:create': method(ReportRequest, Saved),
    'report:exportJson': method(z.object({ snapshotId: SnapshotId }).strict(), Saved),
    /** Five weekly audits of a simulated organization into the app's history (no AWS account needed). */
    'demo:load': method(
      z.object({ nodes: z.number().int().min(9).max(5000).optional() }).strict(),
      z.object({ snapshotIds: z.array(SnapshotId) }),
    ),
    'trends:query': method(TrendQuery, z.array(TrendPoint)),
    'compare:run': method(z.object({ from: SnapshotId, to: SnapshotId, limit: ListLimit.optional() }).strict(), Comparison),
    /** One snapshot's facts under its own catalog edition and under another, without calling AWS. */
    'compare:editions': method(
      z
        .object({
          snapshotId: SnapshotId,
          catalogEdition: z.string().min(1).max(64),
          limit: ListLimit.optional(),
        })
        .strict(),
      EditionComparison,
    ),
    'plans:list': method(none, z.array(SavedPlan)),
    /** Any external id in the plan is dropped before the plan is written (see shared/plans.ts). */
    'plans:save': method(PlanToSave, SavedPlan),
    'plans:delete': method(z.object({ id: PlanId }).strict(), z.object({ deleted: z.boolean() })),
    /**
     * What the plans file holds that this version cannot read (issue 28): `entries` it keeps as they
     * are, or a `wholeFile` that the next save moves aside. The Plans page says so.
     */
    'plans:unreadable': method(none, z.object({ entries: z.number().int().min(0), wholeFile: z.boolean() })),
    /** Patches and CVEs ranked by the nodes and accounts they affect (issue 19); lists cut at `limit`. */
    'patches:summary': method(
      z.object({ snapshotId: SnapshotId, filters: PatchFilters.optional(), limit: ListLimit.optional() }).strict(),
      MissingPatchSummary,
    ),
    /** The nodes that lack one patch (`kbId` and `title`) or one CVE, under the same filters. */
    'patches:nodes': method(
      z.union([
        PatchNodesBase.extend({ kbId: z.string().max(256), title: z.string().max(512) }).strict(),
        PatchNodesBase.extend({ cveId: z.string().max(32) }).strict(),
      ]),
      z.object({ total: z.number().int().nonnegative(), nodes: z.array(PatchNode) }),
    ),
    /** Patches newly missing and resolved on the nodes both snapshots hold. */
    'patches:compare': method(z.object({ from: SnapshotId, to: SnapshotId, limit: ListLimit.optional() }).strict(), PatchComparison),
    /** Nodes verified ready and not verified (prerequisites P1–P7), in total and per account × region. */
    'readiness:summary': method(SnapshotRef, Readiness),
    /** Every headline figure of a snapshot with its unit, population and definition (shared/figures.ts). */
    'figures:get': method(SnapshotRef, SnapshotFigures),
  },
  events: {
    'settings:changed': Settings,
    'snapshots:changed': z.object({ reason: z.enum(['saved', 'deleted', 'annotated', 'imported']), ids: z.array(z.number().int()) }),
    'audit:progress': AuditProgress,
    'audit:finished': z.object({ runId: z.string(), outcome: AuditOutcome.optional(), error: z.string().optional() }),
    'audit:mfaRequired': z.object({ runId: z.string(), serial: z.string() }),
  },
} as const;

type Methods = (typeof contract)['methods'];
type Events = (typeof contract)['events'];
export type MethodName = keyof Methods;
export type EventName = keyof Events;
export type MethodInput<K extends MethodName> = z.input<Methods[K]['input']>;
export type MethodOutput<K extends MethodName> = z.output<Methods[K]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const METHOD_NAMES = Object.keys(contract.methods) as MethodName[];
export const EVENT_NAMES = Object.keys(contract.events) as EventName[];

type DomainOf<K extends string> = K extends `${infer D}:${string}` ? D : never;
export type Domain = DomainOf<MethodName | EventName>;

/** Server side: one typed handler interface per domain (`settings`, `app`, …). */
export type DomainHandlers<D extends Domain> = {
  [K in MethodName as K extends `${D}:${infer V}` ? V : never]: (
    input: z.output<Methods[K]['input']>,
  ) => Promise<z.input<Methods[K]['output']>>;
};
export type Handlers = { [D in Domain]: DomainHandlers<D> };

/** Calls without input take no argument at all. */
type CallArgs<K extends MethodName> = MethodInput<K> extends undefined ? [] : [input: MethodInput<K>];
export type Unsubscribe = () => void;

/** Client side: `window.auditor.settings.get()`, `window.auditor.settings.onChanged(fn)`. */
export type AuditorApi = {
  [D in Domain]: {
    [K in MethodName as K extends `${D}:${infer V}` ? V : never]: (...args: CallArgs<K>) => Promise<MethodOutput<K>>;
  } & {
    [E in EventName as E extends `${D}:${infer V}` ? `on${Capitalize<V>}` : never]: (
      listener: (payload: EventPayload<E>) => void,
    ) => Unsubscribe;
  };
};

/** What crosses the wire for a call: errors are values, so their code and message survive IPC. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };
export type ErrorCode = 'invalid_input' | 'forbidden' | 'not_found' | 'failed';

/** A failed call as the renderer sees it. */
export class AuditorError extends Error {
  override name = 'AuditorError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** How a bridge reaches the main process: Electron IPC in the preload, HTTP in the web host. */
export interface Transport {
  call(name: MethodName, input: unknown): Promise<CallResult<unknown>>;
  subscribe(name: EventName, listener: (payload: unknown) => void): Unsubscribe;
}

/**
 * Builds the renderer-facing API from the contract: named functions only, nothing generic
 * is exposed. Used by the preload (IPC transport) and by the renderer in the web host.
 */
export function buildApi(transport: Transport): AuditorApi {
  const api: Record<string, Record<string, unknown>> = {};
  const domainOf = (name: string) => {
    const [domain = '', verb = ''] = name.split(':');
    return { domain, verb, target: (api[domain] ??= {}) };
  };
  for (const name of METHOD_NAMES) {
    const { verb, target } = domainOf(name);
    target[verb] = async (input?: unknown) => {
      const result = await transport.call(name, input);
      if (!result.ok) throw new AuditorError(result.error.code, result.error.message);
      return result.value;
    };
  }
  for (const name of EVENT_NAMES) {
    const { verb, target } = domainOf(name);
    target[`on${verb.charAt(0).toUpperCase()}${verb.slice(1)}`] = (listener: (payload: unknown) => void) =>
      transport.subscribe(name, listener);
  }
  return api as unknown as AuditorApi;
}
