import { describe, expect, it } from 'vitest';
import {
  ALLERGY_STATUS_TEXT,
  allergyStatementProblem,
  allergyStatus,
  isNoKnownAllergiesEntry,
} from './allergy-status.ts';

describe('allergy status on the chart', () => {
  it('reads an empty list as not recorded, not as no known allergies', () => {
    expect(allergyStatus([])).toBe('not-recorded');
    expect(ALLERGY_STATUS_TEXT['not-recorded']).not.toMatch(/^No known allergies/);
  });

  it('reads an explicit NKDA entry as no known allergies', () => {
    for (const s of ['NKDA', 'nka', 'No known allergies', 'No known drug allergies.'])
      expect(allergyStatus([{ substance: s }])).toBe('nkda');
  });

  it('reads any real allergy as recorded, even beside an NKDA entry', () => {
    expect(allergyStatus([{ substance: 'Penicillin' }])).toBe('recorded');
    expect(allergyStatus([{ substance: 'NKDA' }, { substance: 'Latex' }])).toBe('recorded');
  });

  it('does not take an allergy whose name merely contains the words for NKDA', () => {
    expect(isNoKnownAllergiesEntry('No known allergies except penicillin')).toBe(false);
  });

  it('reads a stated "none known" with an empty list as no known allergies, and "not asked" as not recorded', () => {
    expect(allergyStatus([], 'none-known')).toBe('nkda');
    expect(allergyStatus([], 'not-asked')).toBe('not-recorded');
    expect(ALLERGY_STATUS_TEXT.nkda).not.toBe(ALLERGY_STATUS_TEXT['not-recorded']);
  });

  it('finds a stated status that contradicts the list, and none when they agree', () => {
    const penicillin = [{ substance: 'Penicillin' }];
    expect(allergyStatementProblem('none-known', penicillin)?.code).toBe('allergy-status-contradiction');
    expect(allergyStatementProblem('not-asked', penicillin)?.code).toBe('allergy-status-contradiction');
    expect(allergyStatementProblem('recorded', [])?.code).toBe('allergy-status-contradiction');
    expect(allergyStatementProblem('recorded', [{ substance: 'NKDA' }])?.code).toBe(
      'allergy-status-contradiction',
    );
    expect(allergyStatementProblem('none-known', [])).toBeNull();
    expect(allergyStatementProblem('none-known', [{ substance: 'NKDA' }])).toBeNull();
    expect(allergyStatementProblem('recorded', penicillin)).toBeNull();
    expect(allergyStatementProblem(undefined, penicillin)).toBeNull();
  });
});
