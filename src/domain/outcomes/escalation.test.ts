import { describe, expect, it } from 'vitest';
import { escalationByMonth, levelChangesAtReview } from './escalation.ts';
import { assessment, d, episode } from './test-fixtures.ts';

const episodes = [
  episode('A', {
    assessments: [
      assessment('2026-03-05', { confirmedLevel: 3 }),
      assessment('2026-01-05', { confirmedLevel: 2 }),
      assessment('2026-04-05', { confirmedLevel: 1 }),
      assessment('2026-02-05', { confirmedLevel: 3 }),
    ], // in date order 2 → 3 → 3 → 1: rose, same, fell
    crisisEvents: [
      { on: d('2026-01-25'), kind: 'emergency-department' },
      { on: d('2026-03-02'), kind: 'crisis-team' },
    ],
  }),
  episode('B', {
    assessments: [
      assessment('2026-01-10', { confirmedLevel: 4 }),
      assessment('2026-01-20', { confirmedLevel: 4 }),
      assessment('2026-02-10', { confirmedLevel: 2 }),
    ], // 4 → 4 → 2: same, fell
  }),
  episode('C', {
    assessments: [assessment('2026-02-01')], // a first assessment only: no review
    crisisEvents: [{ on: d('2026-05-01'), kind: 'admission' }], // outside the months asked for
  }),
];

describe('levelChangesAtReview', () => {
  it('compares each review with the assessment before it', () => {
    // Reviews: A 3, B 2 → 5. Rose 1 (A), fell 2 (A, B), unchanged 2 (A, B).
    const changes = levelChangesAtReview(episodes);
    expect(changes.reviews).toBe(5);
    expect(changes.rose).toMatchObject({ numerator: 1, denominator: 5, value: 0.2 });
    expect(changes.fell).toMatchObject({ numerator: 2, denominator: 5, value: 0.4 });
    expect(changes.unchanged).toMatchObject({ numerator: 2, denominator: 5, value: 0.4 });
  });

  it('has no value when no one has been reviewed', () => {
    expect(levelChangesAtReview([episodes[2]!]).rose).toMatchObject({
      value: null,
      reason: { code: 'empty-denominator' },
    });
  });
});

describe('escalationByMonth', () => {
  it('counts level-4 confirmations and crisis events per month, zero months included', () => {
    // Level 4: B on 10 and 20 Jan. Crisis: A on 25 Jan and 2 Mar; C's May event is outside the range.
    expect(escalationByMonth(episodes, d('2025-12-01'), d('2026-03-31'))).toEqual([
      { month: '2025-12', level4Assessments: 0, crisisEvents: 0 },
      { month: '2026-01', level4Assessments: 2, crisisEvents: 1 },
      { month: '2026-02', level4Assessments: 0, crisisEvents: 0 },
      { month: '2026-03', level4Assessments: 0, crisisEvents: 1 },
    ]);
  });

  it('gives no months when the range runs backwards', () => {
    expect(escalationByMonth(episodes, d('2026-03-01'), d('2026-01-01'))).toEqual([]);
  });
});
