/**
 * IAM policy evaluation for the simulator: an action is allowed when some Allow statement
 * matches it and no Deny statement does (explicit Deny wins; no match is an implicit deny).
 * Takes the parsed policy JSON so the shipped least-privilege policy can be enforced as is.
 * Resources and conditions are not evaluated: the auditor's actions are all `Resource: "*"`.
 */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
}

export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

const patternCache = new Map<string, RegExp>();

/** IAM action patterns are case-insensitive, `*` any run of characters and `?` one character. */
function matches(pattern: string, action: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    const body = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, 'i');
    patternCache.set(pattern, re);
  }
  return re.test(action);
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function statementMatches(statement: PolicyStatement, action: string): boolean {
  if (statement.NotAction !== undefined) return !asList(statement.NotAction).some((p) => matches(p, action));
  return asList(statement.Action).some((p) => matches(p, action));
}

/** `action` in IAM form, e.g. `ssm:DescribeInstanceInformation`. */
export function isActionAllowed(policy: PolicyDocument, action: string): boolean {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  let allowed = false;
  for (const statement of statements) {
    if (!statementMatches(statement, action)) continue;
    if (statement.Effect === 'Deny') return false;
    allowed = true;
  }
  return allowed;
}
