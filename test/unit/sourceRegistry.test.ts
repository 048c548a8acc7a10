/**
 * The source registry is the one list of AWS sources (docs/design.md §5): what is stored under
 * a source's name never changes, every module can be scheduled, and what lists sources outside
 * the code (the shipped IAM policy, the renderer's labels) says exactly what the registry says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_SOURCES, NODE_LIST, NODE_SOURCES, OPTIONAL_SOURCES, START_ORDER } from '../../electron/core/audit/sources';
import { AUDIT_POLICY_JSON } from '../../shared/iamPolicy';
import { NodeFacts, ScopeResult } from '../../shared/model';
import { SOURCE_CALLS, SOURCE_GAPS } from '../../shared/rules/sources';
import { NODE_SOURCE_KEYS, SOURCE_KEYS, SOURCES } from '../../shared/sources';

const root = join(import.meta.dirname, '..', '..');
const read = (...path: string[]) => readFileSync(join(root, ...path), 'utf8');

/** What the policy grants besides the sources' calls (build/iam/README.md): regions and caller, and for the auditor alone the organization's accounts and the role it assumes. */
const SCOPE_ACTIONS = ['ec2:DescribeRegions', 'sts:GetCallerIdentity'];
const AUDITOR_ACTIONS = ['organizations:ListAccounts', 'sts:AssumeRole'];
const sourceActions = SOURCE_KEYS.flatMap((key) => SOURCES[key].actions);
const policyActions = (json: string) =>
  (JSON.parse(json) as { Statement: { Action: string | string[] }[] }).Statement.flatMap((s) =>
    Array.isArray(s.Action) ? s.Action : [s.Action],
  );

describe('the source registry', () => {
  it('keeps the stored names of every source as old snapshots and export files hold them', () => {
    expect(SOURCE_KEYS).toEqual([
      'instanceInformation',
      'patchState',
      'patches',
      'inventory',
      'network',
      'patchBaselines',
      'patchGroups',
      'patchAssociations',
      'maintenanceWindows',
      'hostManagement',
      'instanceRoles',
    ]);
    expect(SOURCE_KEYS.map((key) => SOURCES[key].gap)).toEqual([
      'ssm:DescribeInstanceInformation',
      'ssm:DescribeInstancePatchStates',
      'ssm:DescribeInstancePatches',
      'ssm:GetInventory',
      'ec2:DescribeInstances/DescribeRouteTables/DescribeVpcEndpoints',
      'ssm:DescribePatchBaselines',
      'ssm:DescribePatchGroups',
      'ssm:ListAssociations',
      'ssm:DescribeMaintenanceWindows/DescribeMaintenanceWindowTasks',
      'ssm:GetServiceSetting',
      'iam:GetInstanceProfile/ListAttachedRolePolicies',
    ]);
    expect(Object.keys(NodeFacts.shape.sources.shape)).toEqual(['patchState', 'inventory', 'network', 'patches']);
    expect(Object.keys(ScopeResult.shape.patching.unwrap().shape)).toEqual([
      'baselines',
      'patchGroups',
      'patchAssociations',
      'patchMaintenanceWindows',
    ]);
    expect(SOURCE_GAPS).toEqual({
      patchState: 'ssm:DescribeInstancePatchStates',
      inventory: 'ssm:GetInventory',
      network: 'ec2:DescribeInstances/DescribeRouteTables/DescribeVpcEndpoints',
      patches: 'ssm:DescribeInstancePatches',
    });
    expect(SOURCE_CALLS.network).toBe('ec2:DescribeInstances / ec2:DescribeRouteTables / ec2:DescribeVpcEndpoints');
  });

  it('holds one module per described source, in the description’s order', () => {
    expect([NODE_LIST, ...OPTIONAL_SOURCES].map((source) => source.key)).toEqual(SOURCE_KEYS);
    expect(NODE_SOURCES.map((source) => source.key)).toEqual([...NODE_SOURCE_KEYS]);
  });

  it('has the node list as its one required source, and schedules every other after what it depends on', () => {
    expect(SOURCE_KEYS.filter((key) => SOURCES[key].required)).toEqual([NODE_LIST.key]);
    OPTIONAL_SOURCES.forEach((source, i) => {
      const on = source.dependsOn.on;
      if (on === 'nodes' || on === 'scope' || on === 'pages') return;
      const earlier = OPTIONAL_SOURCES.slice(0, i).map((s) => s.key);
      // The EC2 instances that are no node are `network`'s.
      expect(earlier, `${source.key} depends on ${on}`).toContain(on === 'unmanaged' ? 'network' : on);
    });
  });

  it('starts, on a page holding a node, what every scope needs, then what some nodes need, then the page’s batch', () => {
    // The order of the scheduler before the registry: inventory and the patching setup, EC2, the patch states.
    const onPages = ['nodes', 'scope', 'pages'];
    const started = START_ORDER.filter(({ dependsOn }) => onPages.includes(dependsOn.on)).map((module) => module.key);
    expect(started).toEqual([
      'inventory',
      'patchBaselines',
      'patchGroups',
      'patchAssociations',
      'maintenanceWindows',
      'network',
      'patchState',
    ]);
    expect([...START_ORDER].map((module) => module.key).sort()).toEqual(OPTIONAL_SOURCES.map((module) => module.key).sort());
  });

  it('names each kind of AWS CLI file once, so evaluate can tell every file’s source', () => {
    expect(CLI_SOURCES.map((source) => source.key)).toEqual([NODE_LIST.key, ...NODE_SOURCE_KEYS, 'hostManagement', 'instanceRoles']);
    const kinds = [NODE_LIST, ...OPTIONAL_SOURCES].flatMap((source) => Object.keys(source.fromCliFiles?.kinds ?? {}));
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});

describe('what lists sources outside the code', () => {
  it('marks the IAM reads optional in a statement of their own, in the policy and the role template', () => {
    const optional = [...SOURCES.instanceRoles.actions];
    const statements = (JSON.parse(read('build', 'iam', 'patch-auditor-policy.json')) as { Statement: { Sid: string; Action: string[] }[] })
      .Statement;
    const iam = statements.filter((s) => [s.Action].flat().some((action) => action.startsWith('iam:')));
    expect(iam).toHaveLength(1);
    expect(iam[0]!.Sid).toMatch(/^Optional/);
    expect([...iam[0]!.Action].sort()).toEqual(optional.sort());
    const template = read('build', 'iam', 'audit-role.yaml');
    const statement = template.slice(template.indexOf('- Sid: Optional'));
    for (const action of optional) expect(statement).toContain(`- ${action}`);
  });

  it('the shipped policy, and what patch-audit iam-policy prints, grant exactly the sources’ actions and the documented others', () => {
    const expected = [...sourceActions, ...SCOPE_ACTIONS, ...AUDITOR_ACTIONS].sort();
    const shipped = policyActions(read('build', 'iam', 'patch-auditor-policy.json'));
    expect([...shipped].sort()).toEqual(expected);
    expect([...policyActions(AUDIT_POLICY_JSON)].sort()).toEqual(expected);
  });

  it('the audit role template grants each audited account exactly the sources’ actions, its regions and the caller', () => {
    const granted = [...read('build', 'iam', 'audit-role.yaml').matchAll(/^\s+- ((?:ssm|ec2|sts|organizations|iam):\w+)$/gm)].map(
      (m) => m[1]!,
    );
    expect(granted.sort()).toEqual([...sourceActions, ...SCOPE_ACTIONS].sort());
  });

  it('the renderer labels every node source in both languages', () => {
    for (const lang of ['en', 'ja']) {
      const page = JSON.parse(read('renderer', 'src', 'locales', lang, 'page-node.json')) as {
        pages: { node: { source: Record<string, string> } };
      };
      expect(Object.keys(page.pages.node.source).sort(), lang).toEqual([...NODE_SOURCE_KEYS].sort());
    }
  });
});
