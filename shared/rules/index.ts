/** One rule function per rule id (docs/design.md §4); the Record type makes a missing or extra id a compile error. */
import type { RuleId } from '../model';
import { agentVersion, agentWindows2008 } from './agent';
import { networkPatchSource, networkS3 } from './network';
import { nodeOnline } from './node';
import { osGreengrass, osSupported } from './os';
import { patchCompliant, patchPendingReboot, patchScanAge, patchScanned } from './patch';
import { pythonVersion } from './python';
import type { Rule } from './types';

export type { Rule, RuleContext, RuleOutcome } from './types';

export const RULES: Readonly<Record<RuleId, Rule>> = {
  'agent.version': agentVersion,
  'agent.windows2008': agentWindows2008,
  'os.supported': osSupported,
  'os.greengrass': osGreengrass,
  'python.version': pythonVersion,
  'network.patch-source': networkPatchSource,
  'network.s3': networkS3,
  'node.online': nodeOnline,
  'patch.scanned': patchScanned,
  'patch.scan-age': patchScanAge,
  'patch.compliant': patchCompliant,
  'patch.pending-reboot': patchPendingReboot,
};
