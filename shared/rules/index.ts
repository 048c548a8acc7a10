/**
 * The rules (docs/design.md §4): one module per rule id, each describing itself (titles, the seed
 * rules and catalog entries it cites) and evaluating. The engine, the messages' rule titles and the
 * report's citations all read them from here.
 */
import { RULE_IDS, type RuleId } from '../model';
import { agentVersion } from './agentVersion';
import { agentWindows2008 } from './agentWindows2008';
import { networkPatchSource } from './networkPatchSource';
import { networkS3 } from './networkS3';
import { nodeOnline } from './nodeOnline';
import { osGreengrass } from './osGreengrass';
import { osSupported } from './osSupported';
import { patchCompliant } from './patchCompliant';
import { patchPendingReboot } from './patchPendingReboot';
import { patchScanAge } from './patchScanAge';
import { patchScanned } from './patchScanned';
import { pythonVersion } from './pythonVersion';
import type { Rule } from './types';

export type { Rule, RuleContext, RuleOutcome } from './types';

/** Every rule module, in no particular order: `RULES` takes the stored order from `RULE_IDS`. */
export const RULE_MODULES = [
  agentVersion,
  agentWindows2008,
  networkPatchSource,
  networkS3,
  nodeOnline,
  osGreengrass,
  osSupported,
  patchCompliant,
  patchPendingReboot,
  patchScanAge,
  patchScanned,
  pythonVersion,
] as const;

/** The ids of `RULE_IDS` that no module in the list describes. */
type Undescribed<Modules extends readonly Rule[]> = Exclude<RuleId, Modules[number]['id']>;

/** The ids that two modules in the list describe. */
type DescribedTwice<Modules extends readonly Rule[], Seen extends RuleId = never> = Modules extends readonly [
  infer First extends Rule,
  ...infer Rest extends readonly Rule[],
]
  ? (First['id'] extends Seen ? First['id'] : never) | DescribedTwice<Rest, Seen | First['id']>
  : never;

/** Unknown for a list with one module per id, else a shape the list lacks, naming the ids at fault. */
type OneModulePerId<Modules extends readonly Rule[]> = ([Undescribed<Modules>] extends [never]
  ? unknown
  : { readonly undescribed: Undescribed<Modules> }) &
  ([DescribedTwice<Modules>] extends [never] ? unknown : { readonly describedTwice: DescribedTwice<Modules> });

/** The modules by id; a `RULE_IDS` id without a module, or with two, fails to compile. */
export function rulesById<const Modules extends readonly Rule[]>(
  modules: Modules & OneModulePerId<Modules>,
): Readonly<Record<RuleId, Rule>> {
  return Object.fromEntries(modules.map((rule) => [rule.id, rule])) as Record<RuleId, Rule>;
}

export const RULE_BY_ID = rulesById(RULE_MODULES);

/** Every rule in `RULE_IDS` order, the order checks are made, stored and shown in. */
export const RULES: readonly Rule[] = RULE_IDS.map((id) => RULE_BY_ID[id]);
