import { describe, expect, it } from 'vitest';
import { proportionOf } from '../../../src/domain/outcomes/results.ts';
import { count, medianText, percent, rangeText, round1, shareText, wilsonText } from './outcome-text.ts';

describe('outcome words', () => {
  it('rounds to one decimal and writes a true minus sign', () => {
    expect(round1(1.25)).toBe('1.3');
    expect(round1(-2)).toBe('−2');
    expect(round1(12)).toBe('12');
  });

  it('writes a share as a whole percentage with its counts', () => {
    expect(percent(0.5)).toBe('50 %');
    expect(shareText(proportionOf(1, 2, 'people'))).toBe('50 % (1 of 2)');
  });

  it('has no share and no interval when there is nothing to divide by', () => {
    const empty = proportionOf(0, 0, 'people');
    expect(shareText(empty)).toBeNull();
    expect(wilsonText(empty)).toBeNull();
  });

  it('gives the Wilson score interval of 1 of 2 as 9 % to 91 % (Wilson 1927)', () => {
    expect(wilsonText(proportionOf(1, 2, 'people'))).toBe('95 % interval 9 % to 91 %');
    expect(rangeText({ lower: 0.094, upper: 0.906 })).toBe('9 % to 91 %');
  });

  it('writes a median with its unit, and counts people in the singular for one', () => {
    expect(medianText({ n: 3, median: 12, mean: 11.5 } as Parameters<typeof medianText>[0], 'days')).toBe(
      '12 days',
    );
    expect(
      medianText({ n: 0, median: null, mean: null } as Parameters<typeof medianText>[0], 'days'),
    ).toBeNull();
    expect(count(1, 'person', 'people')).toBe('1 person');
    expect(count(2, 'person', 'people')).toBe('2 people');
  });
});
