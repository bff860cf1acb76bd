import { describe, expect, it } from 'vitest';
import { baselineAndLatest, changeFromBaseline, phq9ResponseAndRemission } from './change.ts';
import { assessment, d, episode } from './test-fixtures.ts';

const episodes = [
  episode('E1', {
    assessments: [
      assessment('2026-03-01', { daysUsedLast28: 6, sdsTotal: 5, phq9Total: 4, urinarySymptomCount: 1 }),
      assessment('2026-01-01', { daysUsedLast28: 20, sdsTotal: 9, phq9Total: 20, urinarySymptomCount: 4 }),
      assessment('2026-02-01', { daysUsedLast28: 12, sdsTotal: null, phq9Total: 12 }),
    ],
  }),
  episode('E2', {
    assessments: [
      assessment('2026-01-05', { daysUsedLast28: 28, phq9Total: 10 }),
      assessment('2026-02-05', { daysUsedLast28: null, phq9Total: 6 }),
      assessment('2026-03-05', { daysUsedLast28: 20 }),
    ],
  }),
  episode('E3', { assessments: [assessment('2026-01-10', { daysUsedLast28: 10, phq9Total: 3 })] }),
  episode('E4', {
    assessments: [assessment('2026-01-10', { phq9Total: 4 }), assessment('2026-02-10', { phq9Total: 2 })],
  }),
  episode('E5', {
    assessments: [assessment('2026-01-10', { phq9Total: 0 }), assessment('2026-02-10', { phq9Total: 0 })],
  }),
];

describe('changeFromBaseline', () => {
  it('takes the latest minus the first recorded value of days used', () => {
    // E1 20 → 6 = −14; E2 28 → 20 = −8 (the blank in February is skipped); E3 has no later value.
    // Mean and median −11; baseline mean (20 + 28) / 2 = 24; latest mean (6 + 20) / 2 = 13.
    expect(changeFromBaseline(episodes, 'daysUsedLast28')).toEqual({
      change: { n: 2, median: -11, mean: -11, reason: null },
      baselineMean: 24,
      latestMean: 13,
      withoutFollowUp: 1,
    });
  });

  it('does the same for the SDS, PHQ-9 and urinary symptom count', () => {
    // SDS: E1 9 → 5 = −4.
    expect(changeFromBaseline(episodes, 'sdsTotal').change).toMatchObject({ n: 1, mean: -4 });
    // PHQ-9: E1 20 → 4 = −16; E2 10 → 6 = −4; E4 4 → 2 = −2; E5 0 → 0 = 0; E3 has one value.
    // Mean (−16 − 4 − 2 + 0) / 4 = −5.5; median of −16, −4, −2, 0 = (−4 − 2) / 2 = −3.
    expect(changeFromBaseline(episodes, 'phq9Total')).toMatchObject({
      change: { n: 4, mean: -5.5, median: -3 },
      withoutFollowUp: 1,
    });
    // Urinary: E1 4 → 1 = −3.
    expect(changeFromBaseline(episodes, 'urinarySymptomCount').change).toMatchObject({ n: 1, mean: -3 });
  });

  it('reads urinary checklists filled in apart from assessments, in date order with the assessments', () => {
    const person = episode('U', {
      assessments: [assessment('2026-01-10', { urinarySymptomCount: 5 })],
      urinaryChecklists: [
        { on: d('2026-03-01'), presentCount: 1 },
        { on: d('2026-01-01'), presentCount: 6 },
      ],
    });
    // Baseline is the 1 January checklist (6), latest the 1 March checklist (1): change −5.
    expect(baselineAndLatest([person], 'urinarySymptomCount')).toEqual([
      { patientId: 'U', baseline: 6, latest: 1 },
    ]);
    expect(changeFromBaseline([person], 'sdsTotal').withoutFollowUp).toBe(0);
  });

  it('has no value with no follow-up values', () => {
    expect(changeFromBaseline([], 'phq9Total')).toEqual({
      change: {
        n: 0,
        median: null,
        mean: null,
        reason: { code: 'too-few-values', text: 'No people with a baseline and a later value in the data.' },
      },
      baselineMean: null,
      latestMean: null,
      withoutFollowUp: 0,
    });
  });
});

describe('phq9ResponseAndRemission', () => {
  it('applies the PHQ-9 rules: response is a drop of at least half, remission a latest total under 5', () => {
    // Response, among baselines above 0 with a later value: E1 drop 16 ≥ 10 yes; E2 drop 4 < 5 no;
    // E4 drop 2 ≥ 2 yes (exactly half); E5 baseline 0 is left out → 2 of 3.
    // Remission, among baselines of 5 or more: E1 latest 4 < 5 yes; E2 latest 6 no → 1 of 2
    // (E4 and E5 were already under 5 at baseline).
    const result = phq9ResponseAndRemission(episodes);
    expect(result.response).toMatchObject({ numerator: 2, denominator: 3 });
    expect(result.remission).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('has no value with no PHQ-9 follow-up', () => {
    const result = phq9ResponseAndRemission([]);
    expect(result.response).toMatchObject({ value: null, reason: { code: 'empty-denominator' } });
    expect(result.remission).toMatchObject({ value: null, reason: { code: 'empty-denominator' } });
  });
});
