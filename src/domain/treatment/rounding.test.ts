import { describe, expect, it } from 'vitest';
import { fmt, isAbove, isBelow, roundDown, roundHalfUp, roundingStatement } from './rounding.ts';

describe('rounding', () => {
  it.each([
    [35.05, 1, 35.1],
    [35.04, 1, 35],
    [0.15, 1, 0.2], // 0.15 × 10 is 1.4999… in binary: cleaned before rounding
    [1.005, 2, 1.01],
    [52.45, 1, 52.5],
    [105.14999999999999, 1, 105.2],
  ])('rounds %f half-up to %i places as %f', (value, places, expected) => {
    expect(roundHalfUp(value, places)).toBe(expected);
  });

  it('rounds down when asked', () => {
    expect(roundDown(105.15, 1)).toBe(105.1);
    expect(roundDown(105.19, 1)).toBe(105.1);
    expect(roundDown(35, 1)).toBe(35);
  });

  it('treats arithmetic noise at a limit as equality', () => {
    expect(isAbove((1.5 * 70.1) / 70.1, 1.5)).toBe(false);
    expect(isAbove(1.51, 1.5)).toBe(true);
    expect(isBelow(0.49999999999999994, 0.5)).toBe(false);
    expect(isBelow(0.49, 0.5)).toBe(true);
  });

  it('formats numbers for messages to at most two decimals', () => {
    expect(fmt(105.15)).toBe('105.15');
    expect(fmt(1.5)).toBe('1.5');
    expect(fmt(0.123)).toBe('0.12');
  });

  it('states its rounding in words for each kind of dose', () => {
    expect(roundingStatement('weight-based')).toMatch(/0\.1 mg.*rounded down.*hard maximum.*0\.1/);
    expect(roundingStatement('fixed-devices')).toMatch(/no rounding/);
    expect(roundingStatement('mg-range')).toMatch(/0\.1 mg/);
  });
});
