/**
 * The IAM policy the audit needs, as shipped in build/iam/ (the file the least-privilege tests
 * enforce on the simulator). Imported rather than read so that esbuild and Vite bundle it: the
 * packaged app has no build/ folder, and the Settings page and `patch-audit iam-policy` show
 * exactly the file the tests hold the audit to.
 */
import policy from '../build/iam/patch-auditor-policy.json';

/** The policy document as JSON text, ready to paste into IAM. */
export const AUDIT_POLICY_JSON = `${JSON.stringify(policy, null, 2)}\n`;
