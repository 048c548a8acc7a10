/**
 * The CloudFormation audit role: read as text (its `!If`/`!Ref` tags need a CloudFormation-aware
 * parser that is not a dependency), checking what a client's security team reviews first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const template = readFileSync(join(import.meta.dirname, '..', '..', 'build', 'iam', 'audit-role.yaml'), 'utf8');
const policy = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'build', 'iam', 'patch-auditor-policy.json'), 'utf8')) as {
  Statement: { Action: string | string[] }[];
};

describe('audit-role.yaml', () => {
  it('can trust one principal ARN instead of the whole auditor account', () => {
    expect(template).toMatch(/AuditorPrincipalArn:\n\s+Type: String\n\s+Default: ''/);
    const pattern = new RegExp(/AllowedPattern: '(\^\$\|\^arn[^']+)'/.exec(template)![1]!.replace(/\\\\/g, '\\'));
    expect(pattern.test('')).toBe(true);
    expect(pattern.test('arn:aws:iam::111122223333:role/ConsultantAudit')).toBe(true);
    expect(pattern.test('arn:aws-cn:iam::111122223333:user/audit')).toBe(true);
    expect(pattern.test('arn:aws:iam::111122223333:root')).toBe(false);
    expect(pattern.test('*')).toBe(false);
    expect(template).toContain("TrustOnePrincipal: !Not [!Equals [!Ref AuditorPrincipalArn, '']]");
    expect(template).toMatch(
      /AWS: !If\n\s+- TrustOnePrincipal\n\s+- !Ref AuditorPrincipalArn\n\s+- !Sub 'arn:\$\{AWS::Partition\}:iam::\$\{AuditorAccountId\}:root'/,
    );
  });

  it('always requires the external id', () => {
    expect(template).toMatch(/Condition:\n\s+StringEquals:\n\s+sts:ExternalId: !Ref ExternalId/);
  });

  it('grants only read actions of the shipped policy, never sts:AssumeRole or organizations', () => {
    const granted = [...template.matchAll(/^\s+- ((?:ssm|ec2|sts|organizations):\w+)$/gm)].map((m) => m[1]!);
    const shipped = policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(granted.length).toBeGreaterThan(10);
    for (const action of granted) expect(shipped, action).toContain(action);
    expect(granted.filter((a) => a === 'sts:AssumeRole' || a.startsWith('organizations:'))).toEqual([]);
    expect(granted.every((a) => /^(ssm|ec2|sts):(Describe|Get|List)/.test(a))).toBe(true);
  });
});
