/** P5 (the supported OS matrix) and P5/P7 (Greengrass core devices on macOS and Windows 10). */
import { matchesPlatform } from '../catalog/match';
import { formatRanges, inAnyRange } from '../catalog/versionRange';
import type { NodeFacts } from '../model';
import { UNKNOWN_FAMILY, platformLabel } from '../platform';
import type { Rule, RuleOutcome } from './types';

const GREENGRASS_SOURCE_TYPE = 'AWS::IoT::Thing';

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

export const osSupported: Rule = ({ facts, platform, catalog }): RuleOutcome => {
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
};

export const osGreengrass: Rule = ({ facts, platform, catalog }): RuleOutcome => {
  const evidence = { sourceType: facts.sourceType ?? null, family: platform.family, version: platform.version ?? null };
  if (facts.sourceType !== GREENGRASS_SOURCE_TYPE) return { status: 'not_applicable', code: 'os.greengrass.not-applicable', evidence };
  const label = platformLabel(platform);
  const unsupported = catalog.greengrassUnsupported.find((match) => matchesPlatform(platform, match));
  if (unsupported) {
    return { status: 'fail', code: 'os.greengrass.unsupported', params: { platform: unsupported.label }, evidence };
  }
  // An unplaced Windows or macOS device might be one of the excluded platforms; only a known platform passes.
  if (platform.family === UNKNOWN_FAMILY && platform.type !== 'Linux') {
    return { status: 'unknown', code: 'os.greengrass.platform-unknown', evidence };
  }
  return { status: 'pass', code: 'os.greengrass.supported', params: { platform: label }, evidence };
};
