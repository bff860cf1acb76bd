import { describe, expect, it } from 'vitest';
import { levelSpread, overrideRates } from './consistency.ts';
import { assessment, episode } from './test-fixtures.ts';

// North: p1 confirms 2 (proposed 2) and overrides 2 → 3; p2 confirms 2 (proposed 2).
// South: p2 overrides 2 → 1 and confirms 3 (proposed 3); p3 confirms 2 (proposed 2).
const episodes = [
  episode('E1', {
    team: 'north',
    assessments: [
      assessment('2026-01-05', { practitionerId: 'p1', proposedLevel: 2, confirmedLevel: 2 }),
      assessment('2026-02-05', {
        practitionerId: 'p1',
        proposedLevel: 2,
        confirmedLevel: 3,
        overridden: true,
      }),
      assessment('2026-03-05', { practitionerId: 'p2', proposedLevel: 2, confirmedLevel: 2 }),
    ],
  }),
  episode('E2', {
    team: 'south',
    assessments: [
      assessment('2026-01-06', {
        practitionerId: 'p2',
        proposedLevel: 2,
        confirmedLevel: 1,
        overridden: true,
      }),
      assessment('2026-02-06', { practitionerId: 'p2', proposedLevel: 3, confirmedLevel: 3 }),
      assessment('2026-03-06', { practitionerId: 'p3', proposedLevel: 2, confirmedLevel: 2 }),
    ],
  }),
];

describe('overrideRates', () => {
  it('gives the share of confirmed assessments overridden, overall, per practitioner and per team', () => {
    // Overall 2 of 6. p1: 1 of 2; p2: 1 of 3; p3: 0 of 1. North: 1 of 3; south: 1 of 3.
    const rates = overrideRates(episodes);
    expect(rates.overall).toMatchObject({ numerator: 2, denominator: 6 });
    expect(rates.overall.value).toBeCloseTo(1 / 3, 10);
    expect(rates.byPractitioner.map((g) => [g.key, g.result.numerator, g.result.denominator])).toEqual([
      ['p1', 1, 2],
      ['p2', 1, 3],
      ['p3', 0, 1],
    ]);
    expect(rates.byTeam.map((g) => [g.key, g.result.numerator, g.result.denominator])).toEqual([
      ['north', 1, 3],
      ['south', 1, 3],
    ]);
  });

  it('has no overall value and no groups for no assessments', () => {
    const rates = overrideRates([]);
    expect(rates.overall).toMatchObject({ value: null, reason: { code: 'empty-denominator' } });
    expect(rates.byPractitioner).toEqual([]);
    expect(rates.byTeam).toEqual([]);
  });
});

describe('levelSpread', () => {
  it('shows how confirmed levels spread for the same proposed level', () => {
    // Proposed 2: a = p1→2, b = p1→3, c = p2→2, d = p2→1, e = p3→2. Confirmed 1: 1, 2: 3, 3: 1.
    // Differing from the proposal: b and d → 2 of 5.
    // Pairs by different practitioners: C(5,2) − 1 (p1's pair) − 1 (p2's pair) = 8. Agreeing: a–c, a–e, c–e = 3.
    // Disagreeing 5 of 8 = 0.625.
    const spread = levelSpread(episodes).byProposedLevel[2];
    expect(spread.assessments).toBe(5);
    expect(spread.confirmed).toEqual({ 1: 1, 2: 3, 3: 1, 4: 0 });
    expect(spread.differingFromProposal).toMatchObject({ numerator: 2, denominator: 5, value: 0.4 });
    expect(spread.pairsDisagreeing).toMatchObject({ numerator: 5, denominator: 8, value: 0.625 });
  });

  it('pools pairs only within a proposed level', () => {
    // Proposed 3 adds one assessment (p2→3, as proposed) and no pairs: 2 of 6 differ, still 5 of 8 pairs.
    const pooled = levelSpread(episodes).pooled;
    expect(pooled.confirmed).toEqual({ 1: 1, 2: 3, 3: 2, 4: 0 });
    expect(pooled.differingFromProposal).toMatchObject({ numerator: 2, denominator: 6 });
    expect(pooled.pairsDisagreeing).toMatchObject({ numerator: 5, denominator: 8, value: 0.625 });
  });

  it('has no pair index when only one practitioner decided, or nobody did', () => {
    const one = [
      episode('E', {
        assessments: [
          assessment('2026-01-01', { proposedLevel: 2, confirmedLevel: 2 }),
          assessment('2026-02-01', { proposedLevel: 2, confirmedLevel: 3 }),
        ],
      }),
    ];
    expect(levelSpread(one).byProposedLevel[2].pairsDisagreeing).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
      reason: { code: 'empty-denominator' },
    });
    expect(levelSpread([]).byProposedLevel[4].differingFromProposal.value).toBeNull();
  });
});
