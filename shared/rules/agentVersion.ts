/** P1: the minimum SSM Agent. */
import { compareVersions, parseVersion } from '../versionCompare';
import type { Rule, RuleContext, RuleOutcome } from './types';

function evaluate({ facts, catalog }: RuleContext): RuleOutcome {
  const minimum = catalog.agent.minimum;
  const evidence = { agentVersion: facts.agentVersion ?? null, minimum, isLatestVersion: facts.isLatestVersion ?? null };
  const reported = facts.agentVersion;
  if (reported === undefined || !parseVersion(reported)) return { status: 'unknown', code: 'agent.version.unreported', evidence };
  const params = { agentVersion: reported, minimum };
  if (compareVersions(reported, minimum) < 0) return { status: 'fail', code: 'agent.version.too-old', params, evidence };
  // The seed recommends keeping the agent current, but only the minimum is a prerequisite: still a pass.
  const code = facts.isLatestVersion === false ? 'agent.version.ok-not-latest' : 'agent.version.ok';
  return { status: 'pass', code, params, evidence };
}

export const agentVersion = {
  id: 'agent.version',
  title: { en: 'SSM Agent version', ja: 'SSM Agent のバージョン' },
  short: { en: 'Agent', ja: 'エージェント' },
  sourceRules: ['P1'],
  sourceRefs: (catalog) => [catalog.agent.source],
  evaluate,
} satisfies Rule;
