/**
 * What the sections' model parts share: the snapshot being reported and the one pass over its
 * nodes, in which each part that counts per node (examples, findings, areas, appendix, scans,
 * editions) sees every node once, while the missing-patch summary reads them as they pass.
 */
import type { CatalogEdition } from '../../../../shared/catalog';
import { messageFor, remediationFor } from '../../../../shared/messages';
import type { PatchNodeInput } from '../../../../shared/missingPatches';
import type { Check, CheckStatus, Lang } from '../../../../shared/model';
import { readinessClass, type ReadinessClass } from '../../../../shared/readiness';
import type { ReportAppendixMode } from '../../../../shared/reportSections';
import type { NodeRow, NodeWithChecks, SnapshotDetail, Store } from '../../store';

export class ReportInputError extends Error {
  override name = 'ReportInputError';
}

export interface ModelInput {
  store: Store;
  snapshotId: number;
  snapshot: SnapshotDetail;
  /** The edition the snapshot was judged under; undefined when this build does not know it. */
  catalog: CatalogEdition | undefined;
  lang: Lang;
  appendix: ReportAppendixMode;
}

export interface NodeVisit extends NodeWithChecks {
  readiness: ReadinessClass;
}

/** A model part counted per node: `visit` for each node of the pass, then `result` once. */
export interface NodeCollector<T> {
  visit(node: NodeVisit): void;
  result(): T;
}

/** The snapshot's nodes, each handed to every collector, then yielded to the missing-patch summary. */
export function* visitNodes(input: ModelInput, collectors: ReadonlyArray<NodeCollector<unknown>>): Generator<PatchNodeInput> {
  for (const node of input.store.nodesWithChecks(input.snapshotId)) {
    const visit = { ...node, readiness: readinessClass((rule) => node.row.statuses[rule]) };
    for (const collector of collectors) collector.visit(visit);
    yield { row: node.row, facts: node.facts };
  }
}

/** One node's check, localized in the model's language (the renderer may re-localize from code/params). */
export interface FindingRef {
  accountId: string;
  region: string;
  instanceId: string;
  name: string | null;
  status: CheckStatus;
  code: string;
  params: Check['params'];
  message: string;
  remediation?: string;
}

export function findingRef(row: NodeRow, check: Check, lang: Lang): FindingRef {
  const remediation = remediationFor(check, lang);
  return {
    accountId: row.accountId,
    region: row.region,
    instanceId: row.instanceId,
    name: row.name,
    status: check.status,
    code: check.code,
    params: check.params,
    message: messageFor(check, lang),
    ...(remediation ? { remediation } : {}),
  };
}
