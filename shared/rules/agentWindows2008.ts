/** P6: Windows Server 2008 and its last supported agent. */
import { matchesPlatform } from '../catalog/match';
import { compareVersions, parseVersion } from '../versionCompare';
import type { Rule, RuleContext, RuleOutcome } from './types';

function evaluate({ facts, platform, catalog }: RuleContext): RuleOutcome {
  const rule = catalog.windows2008;
  const evidence = {
    family: platform.family,
    platformVersion: platform.version ?? null,
    agentVersion: facts.agentVersion ?? null,
    lastSupportedAgent: rule?.lastSupportedAgent ?? null,
    vendorSupportEnded: rule?.vendorSupportEnded ?? null,
  };
  // An edition whose source no longer lists Windows Server 2008 leaves it to os.supported (P5), which fails it.
  if (!rule) return { status: 'not_applicable', code: 'agent.windows2008.not-in-edition', evidence };
  if (!matchesPlatform(platform, rule.match)) return { status: 'not_applicable', code: 'agent.windows2008.not-applicable', evidence };
  const params = { vendorSupportEnded: rule.vendorSupportEnded, lastSupportedAgent: rule.lastSupportedAgent };
  const reported = facts.agentVersion;
  // The OS itself is out of vendor support, so even a compatible agent is only a warning, never a pass.
  if (reported === undefined || !parseVersion(reported)) {
    return { status: 'warn', code: 'agent.windows2008.eol-agent-unknown', params, evidence };
  }
  const tooNew = compareVersions(reported, rule.lastSupportedAgent) > 0;
  return {
    status: tooNew ? 'fail' : 'warn',
    code: tooNew ? 'agent.windows2008.agent-too-new' : 'agent.windows2008.eol',
    params: { ...params, agentVersion: reported },
    evidence,
  };
}

export const agentWindows2008 = {
  id: 'agent.windows2008',
  title: { en: 'Windows Server 2008 and its SSM Agent', ja: 'Windows Server 2008 と SSM Agent' },
  short: { en: 'Win2008', ja: 'Win2008' },
  sourceRules: ['P6'],
  sourceRefs: (catalog) => (catalog.windows2008 ? [catalog.windows2008.source] : []),
  evaluate,
} satisfies Rule;
