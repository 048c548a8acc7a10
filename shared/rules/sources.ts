import type { Evidence, SourceStatus } from '../model';
import type { RuleOutcome } from './types';

/** The AWS calls behind each optional source, named in messages so the fix is obvious in either language. */
export const SOURCE_CALLS = {
  patchState: 'ssm:DescribeInstancePatchStates',
  inventory: 'ssm:GetInventory',
  network: 'ec2:DescribeInstances / ec2:DescribeRouteTables / ec2:DescribeVpcEndpoints',
  patches: 'ssm:DescribeInstancePatches',
} as const;

/** The gap a scope records when the source could not be read, the key of its `gapErrors`. */
export const SOURCE_GAPS = {
  patchState: 'ssm:DescribeInstancePatchStates',
  inventory: 'ssm:GetInventory',
  network: 'ec2:DescribeInstances/DescribeRouteTables/DescribeVpcEndpoints',
  patches: 'ssm:DescribeInstancePatches',
} as const;

/** An optional source that was not read turns the check into `unknown` (docs/design.md §5), never a pass or a fail. */
export function sourceUnknown(
  source: keyof typeof SOURCE_CALLS,
  status: Exclude<SourceStatus, 'ok'>,
  evidence: Evidence = {},
): RuleOutcome {
  const code = status === 'denied' ? 'source.denied' : status === 'error' ? 'source.error' : 'source.not-collected';
  return { status: 'unknown', code, params: { source: SOURCE_CALLS[source] }, evidence: { ...evidence, [`${source}Source`]: status } };
}

/** `sourceUnknown` for a source that was not read, undefined when it was. */
export function unavailableSource(
  source: keyof typeof SOURCE_CALLS,
  status: SourceStatus,
  evidence: Evidence = {},
): RuleOutcome | undefined {
  return status === 'ok' ? undefined : sourceUnknown(source, status, evidence);
}
