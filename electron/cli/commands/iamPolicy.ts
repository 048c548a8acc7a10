/**
 * `patch-audit iam-policy [--cloudformation]`: prints the IAM policy the audit needs (the same
 * document as Settings → "Policy for the audit role"), or the CloudFormation template of the role
 * to create in each audited account. Written to stdout alone, so it can be redirected to a file
 * and passed to `aws iam create-policy` or `aws cloudformation deploy`.
 */
import { readFileSync } from 'node:fs';
import { AUDIT_POLICY_JSON } from '../../../shared/iamPolicy';
import { printOut } from '../terminal';
import type { RegisterCommand } from './index';

// The command-line tool runs from the package's sources (patch-audit.mjs), where build/iam/ is.
const AUDIT_ROLE_TEMPLATE = new URL('../../../build/iam/audit-role.yaml', import.meta.url);

export const registerIamPolicy: RegisterCommand = (program) => {
  program
    .command('iam-policy')
    .description('Print the IAM policy the audit needs (read-only), or with --cloudformation the template of the audit role.')
    .option('--cloudformation', 'print the CloudFormation template of the role to create in each audited account')
    .action((opts: { cloudformation?: boolean }) => {
      printOut(opts.cloudformation ? readFileSync(AUDIT_ROLE_TEMPLATE, 'utf8') : AUDIT_POLICY_JSON);
    });
};
