import { describe, expect, it } from 'vitest';
import { formatNhsNumber, isValidNhsNumber, normaliseNhsNumber } from './nhs-number.ts';

describe('isValidNhsNumber', () => {
  it.each([
    ['9434765919', true], // NHS Digital's published test number: sum 299, 299 mod 11 = 2, 11 - 2 = 9
    ['943 476 5919', true],
    ['9434765918', false], // wrong check digit
    ['4010232137', true], // sum 92, 92 mod 11 = 4, 11 - 4 = 7
    ['4010232136', false],
  ])('%s → %s', (input, expected) => {
    expect(isValidNhsNumber(input)).toBe(expected);
  });

  it('treats a computed check digit of 11 as 0', () => {
    // 000000000: sum 0, 11 - 0 = 11, so the check digit is 0
    expect(isValidNhsNumber('0000000000')).toBe(true);
    expect(isValidNhsNumber('0000000001')).toBe(false);
  });

  it('refuses a number whose computed check digit is 10', () => {
    // 100000001: 10 + 2 = 12; 12 mod 11 = 1; 11 - 1 = 10 → no valid check digit exists
    for (let d = 0; d <= 9; d += 1) expect(isValidNhsNumber(`100000001${d}`)).toBe(false);
  });

  it.each(['', '943476591', '94347659190', '943476591X', 'abcdefghij'])('refuses malformed %j', (input) => {
    expect(isValidNhsNumber(input)).toBe(false);
  });
});

describe('formatting', () => {
  it('normalises and formats 3-3-4', () => {
    expect(normaliseNhsNumber('943 476 5919')).toBe('9434765919');
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });
});
