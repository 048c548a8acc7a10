import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { UserFacingError } from '../errors';
import { InvalidInputError, validInput, validRunOverrides } from './validate';

describe('validInput', () => {
  it('refuses exactly what the contract refuses, on one line naming the method and the field', () => {
    const input = fc.record(
      {
        id: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double({ noNaN: false }), fc.string({ maxLength: 3 })),
        catalogEdition: fc.oneof(fc.string({ maxLength: 70 }), fc.integer()),
        scanAgeDays: fc.oneof(fc.integer({ min: -5, max: 400 }), fc.double({ min: 0, max: 400 })),
      },
      { requiredKeys: ['id'] },
    );
    fc.assert(
      fc.property(input, (value) => {
        const expected = contract.methods['snapshots:reevaluate'].input.safeParse(value);
        let error: unknown;
        try {
          expect(validInput('snapshots:reevaluate', value)).toEqual(expected.data);
        } catch (err) {
          error = err;
        }
        expect(error === undefined).toBe(expected.success);
        if (error === undefined) return;
        expect(error).toBeInstanceOf(InvalidInputError);
        expect(error).toBeInstanceOf(UserFacingError);
        expect((error as InvalidInputError).code).toBe('invalid_input');
        expect((error as Error).message).toMatch(/^Invalid input for snapshots:reevaluate: (id|catalogEdition|scanAgeDays): [^\n]+$/);
      }),
      { seed: 29 },
    );
  });

  it('names the field of each issue and never its value', () => {
    const secret = 'sekrit value$$';
    expect(() =>
      validInput('audit:start', {
        regions: ['us-east-1'],
        targets: { kind: 'accounts', accountIds: ['1'], roleName: 'R', externalId: secret },
      }),
    ).toThrow(/^Invalid input for audit:start: targets\.[^\n]+$/);
    try {
      validInput('audit:start', {
        regions: ['us-east-1'],
        targets: { kind: 'accounts', accountIds: ['1'], roleName: 'R', externalId: secret },
      });
    } catch (err) {
      expect((err as Error).message).not.toContain(secret);
    }
  });
});

describe('validRunOverrides', () => {
  it('takes the edition and scan age a run may set as the settings take them', () => {
    expect(validRunOverrides({ scanAgeDays: 30 })).toEqual({ scanAgeDays: 30 });
    expect(validRunOverrides({})).toEqual({});
    for (const scanAgeDays of [0, 366, 2.5, Number.NaN]) {
      expect(() => validRunOverrides({ scanAgeDays })).toThrow(/^Invalid input for audit:start: scanAgeDays: /);
      expect(contract.methods['settings:set'].input.safeParse({ scanAgeDays }).success).toBe(false);
    }
  });
});
