import { describe, expect, it } from 'vitest';
import { suppressCounts, suppressTable } from './suppression.ts';

describe('suppressCounts', () => {
  it('shows 0 as 0 and counts of 5 or more as they are', () => {
    expect(suppressCounts([0, 7, 8])).toEqual({ counts: [0, 7, 8], total: 15 });
  });

  it.each([1, 2, 3, 4])('shows a count of %i as "<5"', (count) => {
    expect(suppressCounts([count, 0]).counts[0]).toBe('<5');
  });

  it('hides the smallest other count when a total would reveal the only small one', () => {
    // 18 − 8 − 7 = 3: the "<5" could be worked out unless 7 is hidden too.
    expect(suppressCounts([3, 7, 8])).toEqual({ counts: ['<5', '*', 8], total: 18 });
  });

  it('needs no secondary suppression when two counts are already small', () => {
    expect(suppressCounts([3, 4, 9])).toEqual({ counts: ['<5', '<5', 9], total: 16 });
  });

  it('suppresses a small total with its small count', () => {
    expect(suppressCounts([3, 0, 0])).toEqual({ counts: ['<5', 0, 0], total: '<5' });
  });

  it('takes another threshold when asked', () => {
    expect(suppressCounts([9, 12, 30], 10)).toEqual({ counts: ['<10', '*', 30], total: 51 });
  });
});

describe('suppressTable', () => {
  it('hides all four cells of a 2 × 2 table with one small cell, keeping the margins', () => {
    // Row 1: 2 + 10 = 12; row 2: 8 + 12 = 20; columns 10 and 22; grand total 32.
    // Hiding 2 forces 10 (row 1), then 8 (column 1), then 12 (column 2): four unknowns, three equations.
    expect(
      suppressTable([
        [2, 10],
        [8, 12],
      ]),
    ).toEqual({
      cells: [
        ['<5', '*'],
        ['*', '*'],
      ],
      rowTotals: [12, 20],
      columnTotals: [10, 22],
      grandTotal: 32,
    });
  });

  it('picks the smallest count in the line to protect a small one', () => {
    // Row 1 hides 6 (smaller than 9); column 1 then hides 7; column 2 then hides 5.
    expect(
      suppressTable([
        [1, 6, 9],
        [7, 5, 8],
      ]),
    ).toEqual({
      cells: [
        ['<5', '*', 9],
        ['*', '*', 8],
      ],
      rowTotals: [16, 20],
      columnTotals: [8, 11, 17],
      grandTotal: 36,
    });
  });

  it('protects a small total from the grand total', () => {
    // Column totals 2 and 9 with grand total 11 would give away the "<5" column total (11 − 9), so 9 is hidden,
    // then the cell 9 beneath it, then row 2's total, which would otherwise equal that cell.
    expect(
      suppressTable([
        [2, 0],
        [0, 9],
      ]),
    ).toEqual({
      cells: [
        ['<5', 0],
        [0, '*'],
      ],
      rowTotals: ['<5', '*'],
      columnTotals: ['<5', '*'],
      grandTotal: 11,
    });
  });

  it('leaves a table with nothing small unchanged', () => {
    expect(
      suppressTable([
        [5, 0],
        [6, 7],
      ]),
    ).toEqual({
      cells: [
        [5, 0],
        [6, 7],
      ],
      rowTotals: [5, 13],
      columnTotals: [11, 7],
      grandTotal: 18,
    });
  });

  it('publishes an empty table as a grand total of 0', () => {
    expect(suppressTable([])).toEqual({ cells: [], rowTotals: [], columnTotals: [], grandTotal: 0 });
  });
});
