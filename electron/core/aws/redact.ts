/**
 * Last line of defence for messages that leave the core (progress, logs, snapshot rows, CLI
 * output): anything shaped like an AWS access key id, a secret key or a session token is
 * replaced. Callers still never put credentials into messages on purpose.
 */
const PATTERNS: RegExp[] = [
  /\b(?:AKIA|ASIA|AIDA|AROA|ANPA|ANVA|AGPA)[A-Z0-9]{12,}\b/g,
  // Secret access keys are 40 base64 characters; session tokens are much longer base64 runs.
  /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g,
  /[A-Za-z0-9/+=]{100,}/g,
];

export function redact(text: string): string {
  return PATTERNS.reduce((out, pattern) => out.replace(pattern, '[redacted]'), text);
}
