import type { Evidence, SourceStatus } from '../model';
import type { RuleOutcome } from './types';

/** The AWS calls behind each optional source, named in messages so the fix is obvious in either language. */
export const SOURCE_CALLS = {
  patchState: 'ssm:DescribeInstancePatchStates',
  inventory: 'ssm:GetInventory',
  network: 'ec2:DescribeInstances / ec2:DescribeRouteTables / ec2:DescribeVpcEndpoints',
} as const;

/** An optional source that was not read turns the check into `unknown` (DESIGN §5), never a pass or a fail. */
export function unavailableSource(
  source: keyof typeof SOURCE_CALLS,
  status: SourceStatus,
  evidence: Evidence = {},
): RuleOutcome | undefined {
  if (status === 'ok') return undefined;
  const code = status === 'denied' ? 'source.denied' : status === 'error' ? 'source.error' : 'source.not-collected';
  return { status: 'unknown', code, params: { source: SOURCE_CALLS[source] }, evidence: { ...evidence, [`${source}Source`]: status } };
}
