/** The Accounts form ↔ AuditPlan: what the form sends is what `audit:start` accepts, errors land on their field. */
import { describe, expect, it } from 'vitest';
import { emptyPlanForm, formToPlan, planToForm, splitList, withExternalId, type PlanForm } from '../../renderer/src/lib/planForm';

const form = (patch: Partial<PlanForm>): PlanForm => ({ ...emptyPlanForm(), ...patch });

describe('plan form', () => {
  it('splits pasted account ids on spaces, commas, semicolons and lines', () => {
    expect(splitList(' 111111111111,222222222222;\n333333333333  ')).toEqual(['111111111111', '222222222222', '333333333333']);
    expect(splitList('  ')).toEqual([]);
  });

  it('builds each kind of target, trimming text and leaving empty options out', () => {
    expect(formToPlan(form({ regions: ['eu-west-1', 'eu-west-1'], label: '  ', client: ' Contoso ' }))).toEqual({
      plan: { regions: ['eu-west-1'], targets: { kind: 'self' }, client: 'Contoso' },
      errors: null,
    });
    expect(
      formToPlan(
        form({
          targetKind: 'accounts',
          accountIds: '111111111111 222222222222',
          roleName: ' Audit ',
          externalId: 'ext-id',
          allRegions: true,
          concurrency: '8',
        }),
      ).plan,
    ).toEqual({
      regions: 'all',
      targets: { kind: 'accounts', accountIds: ['111111111111', '222222222222'], roleName: 'Audit', externalId: 'ext-id' },
      concurrency: 8,
    });
    expect(
      formToPlan(form({ targetKind: 'organization', roleName: 'Audit', exclude: '111111111111', regions: ['us-east-1'] })).plan,
    ).toEqual({
      regions: ['us-east-1'],
      targets: { kind: 'organization', roleName: 'Audit', exclude: ['111111111111'] },
    });
  });

  it('puts each schema error on its field, naming the offending entry of a list', () => {
    const result = formToPlan(form({ targetKind: 'accounts', accountIds: '111111111111 12345', roleName: 'bad role!', concurrency: '99' }));
    expect(result.plan).toBeNull();
    expect(result.errors).toEqual({ accountIds: { value: '12345' }, roleName: {}, regions: {}, concurrency: {} });
    expect(formToPlan(form({ targetKind: 'accounts', regions: ['eu-west-1'], roleName: 'R' })).errors).toEqual({ accountIds: {} });
    expect(formToPlan(form({ regions: ['eu-west-1'], concurrency: '1.5' })).errors).toEqual({ concurrency: {} });
  });

  it('says which character the text rule refuses in a label, client or engagement (issue 28 item 9)', () => {
    const result = formToPlan(form({ regions: ['eu-west-1'], label: 'Q4 \u202egpj.exe', client: 'Acme\u200b', engagement: 'x\ud800' }));
    expect(result.errors).toEqual({
      label: { problem: { code: 'bidi', char: 'U+202E' } },
      client: { problem: { code: 'zero_width', char: 'U+200B' } },
      engagement: { problem: { code: 'lone_surrogate', char: 'U+D800' } },
    });
    expect(formToPlan(form({ regions: ['eu-west-1'], label: 'x'.repeat(201) })).errors).toEqual({ label: {} });
  });

  it('round-trips a plan through the form, and adds the external id for one run only', () => {
    const plan = {
      regions: ['ap-northeast-1'],
      targets: { kind: 'organization' as const, roleName: 'Audit', include: ['111111111111'] },
      label: 'l',
      engagement: 'e',
      concurrency: 2,
      catalogEdition: 'aws-2026-11',
    };
    expect(formToPlan(planToForm(plan)).plan).toEqual(plan);
    expect(formToPlan({ ...planToForm(plan), catalogEdition: '' }).plan).not.toHaveProperty('catalogEdition');
    expect(withExternalId(plan, ' secret ').targets).toEqual({ ...plan.targets, externalId: 'secret' });
    expect(withExternalId(plan, '')).toBe(plan);
    expect(withExternalId({ regions: 'all', targets: { kind: 'self' } }, 'x').targets).toEqual({ kind: 'self' });
  });
});
