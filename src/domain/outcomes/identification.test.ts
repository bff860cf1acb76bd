import { describe, expect, it } from 'vitest';
import { daysToFirstSentinel, firstLevelByMonth, sentinelAtFirstAssessment } from './identification.ts';
import { assessment, countedShare, d, episode } from './test-fixtures.ts';

// A: contact 1 Jan; nothing on 5 Jan (level 1), frequency on 20 Jan, frequency and dysuria on 10 Feb (given out of order).
// B: contact 10 Jan; abdominal pain at the first assessment that day (level 2), memory problems added on 1 Feb.
// C: contact 1 Feb; no symptoms on 3 Feb (level 1).
// D: contact 15 Jan; low mood at the first assessment on 1 Mar (level 3).
const episodes = [
  episode('A', {
    firstContactOn: d('2026-01-01'),
    assessments: [
      assessment('2026-02-10', { sentinelSymptoms: ['urinary-frequency', 'dysuria'], confirmedLevel: 2 }),
      assessment('2026-01-05'),
      assessment('2026-01-20', { sentinelSymptoms: ['urinary-frequency'], confirmedLevel: 2 }),
    ],
  }),
  episode('B', {
    firstContactOn: d('2026-01-10'),
    assessments: [
      assessment('2026-01-10', { sentinelSymptoms: ['abdominal-pain'], confirmedLevel: 2 }),
      assessment('2026-02-01', {
        sentinelSymptoms: ['abdominal-pain', 'memory-problems'],
        confirmedLevel: 2,
      }),
    ],
  }),
  episode('C', { firstContactOn: d('2026-02-01'), assessments: [assessment('2026-02-03')] }),
  episode('D', {
    firstContactOn: d('2026-01-15'),
    assessments: [assessment('2026-03-01', { sentinelSymptoms: ['low-mood'], confirmedLevel: 3 })],
  }),
];

describe('daysToFirstSentinel', () => {
  it('summarises days from first contact to the first sentinel symptom, leaving out people with none', () => {
    // A: 1 Jan → 20 Jan = 19; B: same day = 0; D: 15 Jan → 1 Mar = 16 + 28 + 1 = 45. C has none.
    // Median of 0, 19, 45 is 19; mean (0 + 19 + 45) / 3 = 21.333.
    const summary = daysToFirstSentinel(episodes);
    expect(summary).toMatchObject({ n: 3, median: 19, reason: null });
    expect(summary.mean).toBeCloseTo(64 / 3, 10);
  });

  it('has no value, with a reason, when no one has a sentinel symptom', () => {
    expect(daysToFirstSentinel([])).toMatchObject({
      n: 0,
      median: null,
      mean: null,
      reason: { code: 'too-few-values' },
    });
  });
});

describe('sentinelAtFirstAssessment', () => {
  it('counts distinct person–symptom pairs already found at the first assessment', () => {
    // At first: A 0 of {frequency, dysuria}; B 1 of {abdominal pain, memory}; C 0 of 0; D 1 of 1 → 2 / 5.
    // People behind the counts: B and D in the numerator; A, B and D in the denominator.
    expect(sentinelAtFirstAssessment(episodes)).toEqual(countedShare(2, 5, 0.4, [2, 3]));
  });

  it('has no value when no sentinel symptom was recorded', () => {
    expect(sentinelAtFirstAssessment([episodes[2]!])).toMatchObject({
      value: null,
      reason: { code: 'empty-denominator' },
    });
  });
});

describe('firstLevelByMonth', () => {
  it('gives the level at first assessment month by month, empty months included', () => {
    // January: A (5 Jan, level 1) and B (10 Jan, level 2) → 1/2 each, mean 1.5. February: C at level 1.
    // March: D at level 3. April: nobody.
    const months = firstLevelByMonth(episodes, d('2026-01-01'), d('2026-04-30'));
    expect(months.map((m) => [m.month, m.people, m.meanLevel])).toEqual([
      ['2026-01', 2, 1.5],
      ['2026-02', 1, 1],
      ['2026-03', 1, 3],
      ['2026-04', 0, null],
    ]);
    expect(months[0]!.atLevel[1]).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    expect(months[0]!.atLevel[2]).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    expect(months[2]!.atLevel[3].value).toBe(1);
    expect(months[3]!.atLevel[1]).toMatchObject({ value: null, reason: { code: 'empty-denominator' } });
  });

  it('runs across a year end', () => {
    expect(firstLevelByMonth([], d('2025-11-15'), d('2026-02-01')).map((m) => m.month)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });
});

describe('sentinelAtFirstAssessment counts the people behind the pairs', () => {
  it('one person with six symptoms is 6 of 6 pairs but 1 person', () => {
    const six = [
      'urinary-frequency',
      'urinary-urgency',
      'dysuria',
      'suprapubic-pain',
      'abdominal-pain',
      'memory-problems',
    ];
    const one = {
      ...episodes[0]!,
      assessments: [{ ...episodes[0]!.assessments[0]!, sentinelSymptoms: six }],
    };
    expect(sentinelAtFirstAssessment([one])).toMatchObject({
      numerator: 6,
      denominator: 6,
      people: { numerator: 1, denominator: 1 },
    });
  });
});
