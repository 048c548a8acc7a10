/** P5 and P7: Greengrass core devices, which SSM Agent does not support on macOS and Windows 10. */
import { matchesPlatform } from '../catalog/match';
import { UNKNOWN_FAMILY, platformLabel } from '../platform';
import type { Rule, RuleContext, RuleOutcome } from './types';

const GREENGRASS_SOURCE_TYPE = 'AWS::IoT::Thing';

function evaluate({ facts, platform, catalog }: RuleContext): RuleOutcome {
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
}

export const osGreengrass = {
  id: 'os.greengrass',
  title: { en: 'AWS IoT Greengrass core device platform', ja: 'AWS IoT Greengrass コアデバイスのプラットフォーム' },
  short: { en: 'Greengrass', ja: 'Greengrass' },
  sourceRules: ['P5', 'P7'],
  sourceRefs: (catalog) => catalog.greengrassUnsupported.map((m) => m.source),
  evaluate,
} satisfies Rule;
