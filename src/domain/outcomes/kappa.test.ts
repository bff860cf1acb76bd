import { describe, expect, it } from 'vitest';
import { cohenKappa, cohenKappaFromTable, fleissKappa } from './kappa.ts';
import type { Computed } from './results.ts';

function valueOf<T>(result: Computed<T>): T {
  if (!result.ok) throw new Error(result.reason.text);
  return result.value;
}

/** The code of the reason a statistic has no value, or null when it has one. */
function reasonCode<T>(result: Computed<T>): string | null {
  return result.ok ? null : result.reason.code;
}

// Fleiss (1971) worked example as reproduced in Wikipedia's "Fleiss' kappa" article:
// 10 subjects, 14 raters each, 5 categories.
const FLEISS_1971 = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

describe("Fleiss' kappa", () => {
  it('reproduces the published example: κ ≈ 0.210, P̄ = 0.378, P̄e = 0.213', () => {
    const result = valueOf(fleissKappa(FLEISS_1971));
    expect(result.kappa).toBeCloseTo(0.21, 3);
    expect(result.meanAgreement).toBeCloseTo(0.378, 3);
    expect(result.chanceAgreement).toBeCloseTo(0.213, 3);
    expect(result.subjects).toBe(10);
    expect(result.raters).toBe(14);
  });

  it('reproduces the published per-subject P_i and per-category p_j', () => {
    const result = valueOf(fleissKappa(FLEISS_1971));
    const pi = [1.0, 0.253, 0.308, 0.44, 0.33, 0.462, 0.242, 0.176, 0.286, 0.286];
    const pj = [0.143, 0.2, 0.279, 0.15, 0.229];
    result.subjectAgreement.forEach((value, i) => expect(value).toBeCloseTo(pi[i]!, 3));
    result.categoryShares.forEach((value, j) => expect(value).toBeCloseTo(pj[j]!, 3));
  });

  it('gives 1 when every rater agrees on every subject (and the subjects differ)', () => {
    expect(
      valueOf(
        fleissKappa([
          [3, 0],
          [0, 3],
        ]),
      ).kappa,
    ).toBe(1);
  });

  it.each([
    [
      'refuses subjects with different numbers of raters',
      [
        [2, 1],
        [1, 1],
      ],
      'unequal-raters',
    ],
    [
      'refuses a single rater per subject',
      [
        [1, 0],
        [0, 1],
      ],
      'unequal-raters',
    ],
    [
      'has no value when every rating falls in one category (chance agreement is 1)',
      [
        [3, 0],
        [3, 0],
      ],
      'undefined-statistic',
    ],
    ['has no value for an empty table', [], 'too-few-values'],
  ])('%s', (_title, table: number[][], code) => {
    expect(reasonCode(fleissKappa(table))).toBe(code);
  });

  it('refuses a malformed table', () => {
    for (const table of [[[]], [[1.5, 2]], [[-1, 3]], [[1, 2], [3]]]) {
      expect(reasonCode(fleissKappa(table))).toBe('invalid-counts');
    }
  });
});

describe("Cohen's kappa", () => {
  it("reproduces Wikipedia's worked example: 20 YY, 5 YN, 10 NY, 15 NN → κ = 0.4", () => {
    // p_o = (20 + 15) / 50 = 0.7; p_e = 0.5 × 0.6 + 0.5 × 0.4 = 0.5; κ = (0.7 − 0.5) / (1 − 0.5) = 0.4
    const result = valueOf(
      cohenKappaFromTable([
        [20, 5],
        [10, 15],
      ]),
    );
    expect(result.kappa).toBeCloseTo(0.4, 10);
    expect(result.observedAgreement).toBeCloseTo(0.7, 10);
    expect(result.chanceAgreement).toBeCloseTo(0.5, 10);
    expect(result.items).toBe(50);
  });

  it('gives 1 for perfect agreement', () => {
    expect(
      valueOf(
        cohenKappaFromTable([
          [20, 0],
          [0, 30],
        ]),
      ).kappa,
    ).toBe(1);
  });

  it('gives 0 for agreement at chance level', () => {
    // p_o = 50/100 = 0.5; p_e = 0.5 × 0.5 + 0.5 × 0.5 = 0.5
    expect(
      valueOf(
        cohenKappaFromTable([
          [25, 25],
          [25, 25],
        ]),
      ).kappa,
    ).toBe(0);
  });

  it('builds the table from paired ratings', () => {
    const pairs = [
      ...Array.from({ length: 20 }, () => ['yes', 'yes'] as const),
      ...Array.from({ length: 5 }, () => ['yes', 'no'] as const),
      ...Array.from({ length: 10 }, () => ['no', 'yes'] as const),
      ...Array.from({ length: 15 }, () => ['no', 'no'] as const),
    ];
    expect(valueOf(cohenKappa(pairs, ['yes', 'no'])).kappa).toBeCloseTo(0.4, 10);
  });

  it('refuses a rating outside the categories', () => {
    expect(reasonCode(cohenKappa([['yes', 'maybe']], ['yes', 'no']))).toBe('invalid-counts');
  });

  it.each([
    [
      'has no value with no items',
      [
        [0, 0],
        [0, 0],
      ],
      'too-few-values',
    ],
    [
      'has no value when both raters used one category',
      [
        [7, 0],
        [0, 0],
      ],
      'undefined-statistic',
    ],
    [
      'refuses a table that is not square',
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      'invalid-counts',
    ],
  ])('%s', (_title, table: number[][], code) => {
    expect(reasonCode(cohenKappaFromTable(table))).toBe(code);
  });
});
