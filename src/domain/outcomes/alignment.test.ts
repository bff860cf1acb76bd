import { describe, expect, it } from 'vitest';
import { carePlanAlignment, referralsWithinTarget, type LevelInterventions } from './alignment.ts';
import type { CarePlanRow, ReferralRow } from './rows.ts';
import { d, episode } from './test-fixtures.ts';

// A small pack with no level 4, so a level-4 plan has nothing to match against.
const levels: readonly LevelInterventions[] = [
  { level: 1, interventions: ['harm-reduction-advice'] },
  { level: 2, interventions: ['harm-reduction-advice', 'brief-intervention', 'physical-health-monitoring'] },
  {
    level: 3,
    interventions: ['harm-reduction-advice', 'structured-psychosocial', 'multidisciplinary-review'],
  },
];

function plan(confirmedLevel: CarePlanRow['confirmedLevel'], interventions: string[]): CarePlanRow {
  return { on: d('2026-02-01'), confirmedLevel, interventions };
}

describe('carePlanAlignment', () => {
  it('counts plans holding every intervention listed for their level', () => {
    const episodes = [
      episode('A', {
        carePlans: [
          plan(1, ['harm-reduction-advice']), // matches
          plan(2, [
            'harm-reduction-advice',
            'brief-intervention',
            'physical-health-monitoring',
            'urology-referral',
          ]), // matches: an extra intervention does not count against it
        ],
      }),
      episode('B', {
        carePlans: [
          plan(2, ['harm-reduction-advice', 'brief-intervention']), // lacks monitoring
          plan(2, ['brief-intervention', 'harm-reduction-advice']), // lacks monitoring
          plan(3, ['structured-psychosocial']), // lacks advice and MDT review
          plan(4, ['urgent-medical-review']), // level 4 undefined in this pack: left out
        ],
      }),
    ];
    // Matching 2 of 5 known-level plans. Level 1: 1/1; level 2: 1/3; level 3: 0/1.
    const result = carePlanAlignment(episodes, levels);
    expect(result.overall).toMatchObject({ numerator: 2, denominator: 5, value: 0.4 });
    expect(result.byLevel.map((g) => [g.key, g.result.numerator, g.result.denominator])).toEqual([
      ['1', 1, 1],
      ['2', 1, 3],
      ['3', 0, 1],
    ]);
    expect(result.plansWithUndefinedLevel).toBe(1);
    expect(result.missing).toEqual([
      { intervention: 'physical-health-monitoring', plans: 2 },
      { intervention: 'harm-reduction-advice', plans: 1 },
      { intervention: 'multidisciplinary-review', plans: 1 },
    ]);
  });

  it('has no value when there are no care plans', () => {
    expect(carePlanAlignment([], levels).overall).toMatchObject({
      value: null,
      reason: { code: 'empty-denominator' },
    });
  });
});

function referral(
  confirmedLevel: ReferralRow['confirmedLevel'],
  decidedOn: string,
  madeOn: string | null,
  targetDays: number,
): ReferralRow {
  return { confirmedLevel, decidedOn: d(decidedOn), madeOn: madeOn === null ? null : d(madeOn), targetDays };
}

describe('referralsWithinTarget', () => {
  it('counts level 3–4 referrals made within target, late or overdue ones against, pending ones apart', () => {
    const episodes = [
      episode('A', {
        referrals: [
          referral(3, '2026-02-01', '2026-02-10', 14), // 9 days ≤ 14: on time
          referral(4, '2026-02-01', '2026-02-03', 1), // 2 days > 1: late
          referral(3, '2026-02-01', '2026-02-15', 14), // exactly 14 days: on time
        ],
      }),
      episode('B', {
        referrals: [
          referral(3, '2026-02-01', null, 14), // due 15 Feb, not made by 1 Mar: overdue
          referral(3, '2026-02-15', null, 14), // due 1 Mar, the report date: still pending
          referral(2, '2026-02-01', '2026-03-30', 14), // level 2: not this measure
        ],
      }),
    ];
    // On time 2 of (3 made + 1 overdue) = 0.5; 1 pending.
    expect(referralsWithinTarget(episodes, d('2026-03-01'))).toEqual({
      withinTarget: { numerator: 2, denominator: 4, value: 0.5, reason: null },
      pending: 1,
    });
  });

  it('has no value when no level 3–4 referral is made or overdue', () => {
    expect(referralsWithinTarget([], d('2026-03-01')).withinTarget).toMatchObject({
      value: null,
      reason: { code: 'empty-denominator' },
    });
  });
});
