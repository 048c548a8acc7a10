/**
 * `patch-audit evaluate` as a use case of the core: the client's AWS CLI files are read through
 * each source's `fromCliFiles`, assembled into NodeFacts as the live audit assembles them, and
 * evaluated against a catalog edition, offline. The CLI parses its arguments and prints.
 */
import type { CatalogEdition } from '../../../../shared/catalog';
import { evaluateNode, platformOf } from '../../../../shared/evaluate';
import type { UnmanagedRow } from '../../../../shared/ec2Coverage';
import type { Lang } from '../../../../shared/model';
import { validRunOverrides } from '../validate';
import { readAwsCliFiles } from './awsCliFiles';
import { type EvaluatedNode, toJsonDocument } from './document';
import { nodeFactsFromAwsCli } from './nodeFacts';

export { INVENTORY_COMMAND, PATCHES_COMMAND } from '../../audit/sources';
export { COLLECT_COMMANDS } from './help';
export { decodeText, readAwsCliFiles, type AwsCliInput } from './awsCliFiles';
export { summarize as summarizeEvaluation, toJsonDocument, type EvaluatedNode, type EvaluationSummary } from './document';
export { nodeFactsFromAwsCli } from './nodeFacts';
export { evaluationText } from './text';

export interface AwsCliEvaluationRequest {
  files: readonly string[];
  catalog: CatalogEdition;
  now: Date;
  scanAgeDays: number;
  /** The language of the JSON document's messages. */
  lang: Lang;
}

export interface AwsCliEvaluation {
  nodes: EvaluatedNode[];
  /** The EC2 instances that are not managed nodes, with their causes; absent without `aws ec2 describe-instances`. */
  unmanaged?: UnmanagedRow[];
  /** What was left out or adjusted while reading, for the user (the evaluation still ran). */
  notes: string[];
  document: ReturnType<typeof toJsonDocument>;
}

export async function evaluateAwsCliFiles(request: AwsCliEvaluationRequest): Promise<AwsCliEvaluation> {
  const { catalog, now } = request;
  // The same whole days 1–365 as the app's setting and `reevaluate`.
  const { scanAgeDays = request.scanAgeDays } = validRunOverrides({ scanAgeDays: request.scanAgeDays }, 'evaluate');
  const { facts, unmanaged, notes } = nodeFactsFromAwsCli(await readAwsCliFiles(request.files));
  const nodes = facts.map((node): EvaluatedNode => ({
    instanceId: node.instanceId,
    name: node.name,
    platform: platformOf(node),
    checks: evaluateNode(node, { catalog, now, scanAgeDays }),
  }));
  return {
    nodes,
    ...(unmanaged ? { unmanaged } : {}),
    notes,
    document: toJsonDocument(catalog.id, now, scanAgeDays, nodes, request.lang, unmanaged),
  };
}
