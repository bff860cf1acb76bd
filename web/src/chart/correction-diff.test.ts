import { describe, expect, it } from 'vitest';
import type { PatientContentBody } from '../patients/form/patient-form-request.ts';
import { correctionChanges } from './correction-diff.ts';

const record: PatientContentBody = {
  givenName: 'Jane',
  familyName: 'Smith',
  birthDate: '1985-03-02',
  sex: 'female',
  identifiers: [{ system: 'nhs', value: '9434765919' }],
  allergies: [{ substance: 'Penicillin', severity: 'severe' }],
  weight: { kg: 70 },
} as PatientContentBody;

describe('correction changes', () => {
  it('sends nothing when the form still says what the record says', () => {
    expect(correctionChanges(record, { ...record })).toEqual({ changes: {}, errors: {} });
  });

  it('sends only the parts that changed', () => {
    const next = { ...record, familyName: 'Smyth' };
    expect(correctionChanges(record, next)).toEqual({ changes: { familyName: 'Smyth' }, errors: {} });
  });

  it('sends an emptied list as an empty list, so the server removes what was there', () => {
    const { allergies: _gone, ...next } = record;
    expect(correctionChanges(record, next as PatientContentBody).changes).toEqual({ allergies: [] });
  });

  it('refuses to remove a recorded sex or weight, saying to enter the right value instead', () => {
    const { sex: _sex, weight: _weight, ...next } = record;
    const result = correctionChanges(record, next);
    expect(result.changes).toEqual({});
    expect(Object.keys(result.errors).sort()).toEqual(['sex', 'weightKg']);
    expect(result.errors.sex).toMatch(/cannot be removed/);
  });
});
