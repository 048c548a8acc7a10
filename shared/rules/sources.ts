import type { Evidence, SourceStatus } from '../model';
import { NODE_SOURCE_KEYS, SOURCES, type NodeSourceKey } from '../sources';
import type { RuleOutcome } from './types';

/** The AWS calls behind each node's source, named in messages so the fix is obvious in either language. */
export const SOURCE_CALLS = Object.fromEntries(NODE_SOURCE_KEYS.map((key) => [key, SOURCES[key].actions.join(' / ')])) as Record<
  NodeSourceKey,
  string
>;

/** The gap a scope records when a node's source could not be read, the key of its `gapErrors`. */
export const SOURCE_GAPS = Object.fromEntries(NODE_SOURCE_KEYS.map((key) => [key, SOURCES[key].gap])) as {
  [K in NodeSourceKey]: (typeof SOURCES)[K]['gap'];
};

/** An optional source that was not read turns the check into `unknown` (docs/design.md §5), never a pass or a fail. */
export function sourceUnknown(source: NodeSourceKey, status: Exclude<SourceStatus, 'ok'>, evidence: Evidence = {}): RuleOutcome {
  const code = status === 'denied' ? 'source.denied' : status === 'error' ? 'source.error' : 'source.not-collected';
  return { status: 'unknown', code, params: { source: SOURCE_CALLS[source] }, evidence: { ...evidence, [`${source}Source`]: status } };
}

/** `sourceUnknown` for a source that was not read, undefined when it was. */
export function unavailableSource(source: NodeSourceKey, status: SourceStatus, evidence: Evidence = {}): RuleOutcome | undefined {
  return status === 'ok' ? undefined : sourceUnknown(source, status, evidence);
}
