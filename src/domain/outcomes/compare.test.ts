import { describe, expect, it } from 'vitest';
import { compareMeans, compareProportions } from './compare.ts';

describe('compareProportions', () => {
  it("gives each group's Wilson interval and the Newcombe interval for the difference", () => {
    // Newcombe 1998 (Stat Med 17:873) example: 56/70 − 48/80 = 0.2000, method 10 CI 0.0524 to 0.3339.
    const result = compareProportions(
      { label: 'Before', count: 56, total: 70 },
      { label: 'After', count: 48, total: 80 },
    );
    expect(result.first.share).toBe(0.8);
    expect(result.second.share).toBe(0.6);
    expect(result.first.interval.ok).toBe(true);
    expect(result.difference).toMatchObject({
      ok: true,
      value: {
        difference: expect.closeTo(0.2, 4),
        lower: expect.closeTo(0.0524, 4),
        upper: expect.closeTo(0.3339, 4),
      },
    });
    expect(result.caveats).toEqual([]);
  });

  it('flags a cell under 5 and a group under 30', () => {
    // Cells: 3 and 7 of 10; 6 and 6 of 12. 3 < 5 and both groups < 30.
    const result = compareProportions(
      { label: 'North', count: 3, total: 10 },
      { label: 'South', count: 6, total: 12 },
    );
    expect(result.caveats.map((c) => c.code)).toEqual(['cell-under-5', 'group-under-30']);
  });

  it('counts a failure cell under 5 too', () => {
    // 38 of 40 leaves 2 without: a small cell even though both groups are large.
    const result = compareProportions(
      { label: 'A', count: 38, total: 40 },
      { label: 'B', count: 20, total: 40 },
    );
    expect(result.caveats.map((c) => c.code)).toEqual(['cell-under-5']);
  });

  it('has no share or interval for an empty group', () => {
    const result = compareProportions(
      { label: 'A', count: 0, total: 0 },
      { label: 'B', count: 5, total: 10 },
    );
    expect(result.first.share).toBeNull();
    expect(result.first.interval.ok).toBe(false);
    expect(result.difference).toMatchObject({ ok: false, reason: { code: 'empty-denominator' } });
  });
});

describe('compareMeans', () => {
  it('summarises both groups and gives a normal interval for the difference of means', () => {
    // Means 2 and 5 → −3; SE √(1/3 + 2/2) = 1.1547 → −5.2632 to −0.7368 (see intervals.test.ts).
    const result = compareMeans({ label: 'Q1', values: [1, 2, 3] }, { label: 'Q2', values: [4, 6] });
    expect(result.first).toMatchObject({ label: 'Q1', n: 3, median: 2, mean: 2 });
    expect(result.second).toMatchObject({ label: 'Q2', n: 2, median: 5, mean: 5 });
    expect(result.meanDifference).toMatchObject({
      ok: true,
      value: { difference: -3, lower: expect.closeTo(-5.2632, 4), upper: expect.closeTo(-0.7368, 4) },
    });
    expect(result.caveats.map((c) => c.code)).toEqual(['group-under-30']);
  });

  it('raises no caveat for groups of 30 or more', () => {
    const values = Array.from({ length: 30 }, (_, i) => i);
    expect(compareMeans({ label: 'A', values }, { label: 'B', values }).caveats).toEqual([]);
  });

  it('has no interval for a group of fewer than two', () => {
    const result = compareMeans({ label: 'A', values: [] }, { label: 'B', values: [1, 2] });
    expect(result.first).toMatchObject({ n: 0, median: null, reason: { code: 'too-few-values' } });
    expect(result.meanDifference).toMatchObject({ ok: false, reason: { code: 'too-few-values' } });
  });
});
