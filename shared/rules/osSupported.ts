/** P5: the supported OS matrix (and, from aws-2026-11, macOS on Amazon EC2 only). */
import { matchesPlatform } from '../catalog/match';
import { formatRanges, inAnyRange } from '../catalog/versionRange';
import type { NodeFacts } from '../model';
import { UNKNOWN_FAMILY, platformLabel } from '../platform';
import type { Rule, RuleContext, RuleOutcome } from './types';

function reportedEvidence(facts: NodeFacts) {
  return {
    platformType: facts.platformType ?? null,
    platformName: facts.platformName ?? null,
    platformVersion: facts.platformVersion ?? null,
  };
}

/**
 * A managed node outside EC2: DescribeInstanceInformation's ResourceType `ManagedInstance`, or, where
 * ResourceType was not collected, the `mi-` prefix hybrid activations give node ids.
 */
function isHybridNode(facts: NodeFacts): boolean {
  return facts.resourceType === 'ManagedInstance' || facts.instanceId.startsWith('mi-');
}

function evaluate({ facts, platform, catalog }: RuleContext): RuleOutcome {
  const evidence = { ...reportedEvidence(facts), family: platform.family, version: platform.version ?? null };
  if (platform.family === UNKNOWN_FAMILY) {
    const reported = [facts.platformType, facts.platformName, facts.platformVersion].filter(Boolean).join(' ') || '-';
    return { status: 'unknown', code: 'os.unrecognized', params: { reported }, evidence };
  }
  const label = platformLabel(platform);
  const entry = catalog.os.find((candidate) => candidate.family === platform.family);
  const supported = entry ? formatRanges(entry.versions) : '-';
  const withEntry = { ...evidence, catalogEntry: entry?.label ?? null };
  const example = catalog.unsupportedExamples.find((candidate) => matchesPlatform(platform, candidate));
  if (example) {
    return {
      status: 'fail',
      code: 'os.explicitly-unsupported',
      params: { platform: label, example: example.label, supported },
      evidence: withEntry,
    };
  }
  if (!entry) return { status: 'fail', code: 'os.family-not-listed', params: { platform: label }, evidence: withEntry };
  if (platform.version === undefined) {
    return { status: 'unknown', code: 'os.version-unreported', params: { platform: label, supported }, evidence: withEntry };
  }
  if (!inAnyRange(platform.version, entry.versions)) {
    return { status: 'fail', code: 'os.version-not-listed', params: { platform: label, supported }, evidence: withEntry };
  }
  if (entry.ec2Only && isHybridNode(facts)) {
    const hybrid = { ...withEntry, instanceId: facts.instanceId, resourceType: facts.resourceType ?? null };
    return { status: 'fail', code: 'os.ec2-only', params: { platform: label, supported }, evidence: hybrid };
  }
  // A note limited to some versions (aws-2026-11: Windows Server 2012's end of support) stays off the others.
  if (entry.note && (!entry.note.versions || inAnyRange(platform.version, entry.note.versions))) {
    const params = { platform: label, supported, note_ja: entry.note.text.ja, note_en: entry.note.text.en };
    return { status: 'pass', code: 'os.supported-with-note', params, evidence: withEntry };
  }
  return { status: 'pass', code: 'os.supported', params: { platform: label, supported }, evidence: withEntry };
}

export const osSupported = {
  id: 'os.supported',
  title: { en: 'Supported operating system', ja: 'サポートされるオペレーティングシステム' },
  short: { en: 'OS', ja: 'OS 対応' },
  sourceRules: ['P5'],
  sourceRefs: (catalog) => {
    const matrix = catalog.os.map((entry) => entry.label).join(' / ');
    return [{ rule: 'P5', quote: matrix }];
  },
  evaluate,
} satisfies Rule;
