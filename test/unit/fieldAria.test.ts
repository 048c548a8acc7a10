/** The page kit's <Field>: the control is described by its hint and, while there is one, its error. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldAria, fieldErrorId, fieldHintId } from '../../renderer/src/components/kit/fieldAria';

const fieldId = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{0,20}$/);
const message = fc.option(fc.string({ maxLength: 40 }), { nil: null });

describe('field aria', () => {
  it('keeps the ids the pages and the e2e tests find (err-<id>, <id>-hint)', () => {
    expect(fieldErrorId('accountIds')).toBe('err-accountIds');
    expect(fieldHintId('externalId')).toBe('externalId-hint');
    expect(fieldAria('run-external', true, 'missing')).toEqual({
      'aria-invalid': 'true',
      'aria-describedby': 'run-external-hint err-run-external',
    });
  });

  it('says nothing when there is neither hint nor error', () => {
    expect(fieldAria('client', false, null)).toEqual({ 'aria-invalid': undefined, 'aria-describedby': undefined });
    expect(fieldAria('client', false, '')).toEqual({ 'aria-invalid': undefined, 'aria-describedby': undefined });
  });

  it('is invalid exactly when there is an error, and describes the control by the ids it renders', () => {
    fc.assert(
      fc.property(fieldId, fc.boolean(), message, (id, hasHint, error) => {
        const aria = fieldAria(id, hasHint, error);
        expect(aria['aria-invalid'] === 'true').toBe(Boolean(error));
        const ids = aria['aria-describedby']?.split(' ') ?? [];
        expect(ids).toEqual([...(hasHint ? [fieldHintId(id)] : []), ...(error ? [fieldErrorId(id)] : [])]);
      }),
    );
  });
});
