import { describe, expect, it } from 'vitest';
import { labelledMonths, MONTH_LABEL_SPACING } from './month-axis.ts';
import { PLOT_WIDTH } from './MonthFrame.tsx';

/** `count` consecutive "YYYY-MM" months from `start`. */
function monthsFrom(start: string, count: number): string[] {
  const [y, m] = start.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

const labels = (months: string[]) => labelledMonths(months, PLOT_WIDTH).map((i) => months[i]);

describe('month labels on a chart axis', () => {
  it.each([6, 12, 18, 24, 36, 60, 120])(
    'keeps %i months’ labels at least the minimum spacing apart, with the first and last month',
    (count) => {
      const months = monthsFrom('2025-03', count);
      const chosen = labelledMonths(months, PLOT_WIDTH);
      const slot = PLOT_WIDTH / count;
      expect(chosen[0]).toBe(0);
      expect(chosen.at(-1)).toBe(count - 1);
      for (let k = 1; k < chosen.length; k++) {
        expect(((chosen[k] ?? 0) - (chosen[k - 1] ?? 0)) * slot).toBeGreaterThanOrEqual(MONTH_LABEL_SPACING);
      }
    },
  );

  it('labels every month when they fit (6 months)', () => {
    expect(labels(monthsFrom('2025-03', 6))).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
    ]);
  });

  it('labels every other calendar month over a year (12 months: 48.7 units each, under the spacing)', () => {
    expect(labels(monthsFrom('2025-01', 12))).toEqual([
      '2025-01',
      '2025-03',
      '2025-05',
      '2025-07',
      '2025-09',
      '2025-12',
    ]);
  });

  it('labels every other calendar month over 18 months, dropping the one that would touch the last', () => {
    expect(labels(monthsFrom('2025-01', 18))).toEqual([
      '2025-01',
      '2025-03',
      '2025-05',
      '2025-07',
      '2025-09',
      '2025-11',
      '2026-01',
      '2026-03',
      '2026-06',
    ]);
  });

  it('starts from an unaligned first month and goes on at the quarters (24 months from March)', () => {
    expect(labels(monthsFrom('2025-03', 24))).toEqual([
      '2025-03',
      '2025-07',
      '2025-10',
      '2026-01',
      '2026-04',
      '2026-07',
      '2026-10',
      '2027-02',
    ]);
  });

  it('labels every fourth month over 36 months and every sixth over 60', () => {
    expect(labels(monthsFrom('2024-01', 36))).toEqual([
      '2024-01',
      '2024-05',
      '2024-09',
      '2025-01',
      '2025-05',
      '2025-09',
      '2026-01',
      '2026-05',
      '2026-12',
    ]);
    expect(labels(monthsFrom('2021-01', 60))).toEqual([
      '2021-01',
      '2021-07',
      '2022-01',
      '2022-07',
      '2023-01',
      '2023-07',
      '2024-01',
      '2024-07',
      '2025-01',
      '2025-12',
    ]);
  });

  it('steps in whole years when even a sixth would crowd, and handles no months and one month', () => {
    const months = monthsFrom('2000-01', 240);
    const chosen = labels(months);
    expect(chosen.slice(1, -1).every((m) => m?.endsWith('-01'))).toBe(true);
    expect(labelledMonths([], PLOT_WIDTH)).toEqual([]);
    expect(labelledMonths(['2025-01'], PLOT_WIDTH)).toEqual([0]);
  });

  it('keeps only the first label when the first and last would touch', () => {
    expect(labelledMonths(['2025-01', '2025-02'], 60)).toEqual([0]);
  });
});
