import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_SOURCES, INVENTORY_COMMAND } from '../../audit/sources';
import { COLLECT_COMMANDS } from './help';

describe('the AWS CLI commands handed to clients', () => {
  const commands = COLLECT_COMMANDS.split('\n').filter((line) => /^\s+(aws|for|\$ids|patch-audit|\|)/.test(line));

  it('cover every file evaluate reads, patch states in batches of 50, inventory with the application filter', () => {
    expect(commands.length).toBeGreaterThanOrEqual(16);
    for (const kind of [
      'describe-instance-information',
      'describe-instance-patch-states',
      'get-inventory',
      'describe-instances',
      'get-service-setting --setting-id /ssm/managed-instance/default-ec2-instance-management-role',
      'describe-route-tables',
      'describe-vpc-endpoints',
    ])
      expect(COLLECT_COMMANDS.split(kind).length - 1, kind).toBeGreaterThanOrEqual(2);
    expect(COLLECT_COMMANDS).toContain('split -l 50');
    expect(COLLECT_COMMANDS).toContain('$i += 50');
    expect(COLLECT_COMMANDS.split(INVENTORY_COMMAND).length - 1).toBe(2);
  });

  // PowerShell turns `a,b` in a bare argument into an array and hands the AWS CLI two arguments;
  // commas inside quotes, comments and (expressions) are not arguments.
  it('keep every comma of an AWS CLI argument inside quotes', () => {
    const bare = (line: string): string => {
      let rest = line.replace(/\s+#.*$/, '').replace(/"[^"]*"|'[^']*'/g, '');
      while (/\([^()]*\)/.test(rest)) rest = rest.replace(/\([^()]*\)/g, '');
      return rest;
    };
    const awsLines = commands.filter((line) => line.trim().startsWith('aws '));
    expect(awsLines.length).toBeGreaterThanOrEqual(12);
    for (const line of awsLines) expect(bare(line), line).not.toContain(',');
  });

  // A source registered with AWS CLI files hands out its own commands: a new one adds its lines.
  it('come from the sources, each naming the command of every file kind it reads', () => {
    for (const source of CLI_SOURCES) {
      const files = source.fromCliFiles;
      if (!files) continue;
      for (const shell of ['bash', 'powershell'] as const) {
        const lines = files.howToSave[shell].join('\n');
        for (const kind of Object.values(files.kinds))
          expect(lines, `${source.key} ${shell}`).toContain(kind.command.replace(/^aws \w+ /, ''));
        for (const line of files.howToSave[shell]) expect(COLLECT_COMMANDS.split('\n'), line).toContain(`    ${line}`);
      }
    }
  });

  it('stand in the README word for word', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
    for (const line of commands) expect(readme, line).toContain(line);
  });
});
