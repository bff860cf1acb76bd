import { describe, expect, it } from 'vitest';
import { pilotComparison, type PilotGroup } from './pilot.ts';
import { assessment, d, episode } from './test-fixtures.ts';

const levels = [{ level: 1 as const, interventions: ['advice'] }];

// Before: 4 assessments, 2 overridden; one person's PHQ-9 20 → 8 (response), another 10 → 8 (none).
const before: PilotGroup = {
  label: 'Before',
  asOf: d('2026-03-31'),
  episodes: [
    episode('A', {
      assessments: [
        assessment('2026-01-05', { overridden: true, phq9Total: 20 }),
        assessment('2026-02-05', { phq9Total: 8 }),
      ],
    }),
    episode('B', {
      assessments: [
        assessment('2026-01-10', { overridden: true, phq9Total: 10 }),
        assessment('2026-03-10', { phq9Total: 8 }),
      ],
    }),
  ],
};
// After: 3 assessments, none overridden; sentinel found 10 days after first contact.
const after: PilotGroup = {
  label: 'After',
  asOf: d('2026-09-30'),
  episodes: [
    episode('C', {
      firstContactOn: d('2026-07-01'),
      assessments: [
        assessment('2026-07-11', { sentinelSymptoms: ['urinary-frequency'] }),
        assessment('2026-08-11'),
        assessment('2026-09-11'),
      ],
    }),
  ],
};

describe('pilot comparison of two groups', () => {
  const rows = pilotComparison(before, after, levels);
  const row = (id: string) => rows.find((r) => r.id === id);

  it('compares override rates 2/4 against 0/3 with intervals and the small-number caveats', () => {
    const override = row('override-rate');
    expect(override?.kind).toBe('share');
    if (override?.kind !== 'share') return;
    expect(override.comparison.first).toMatchObject({ label: 'Before', count: 2, total: 4, share: 0.5 });
    expect(override.comparison.second).toMatchObject({ label: 'After', count: 0, total: 3, share: 0 });
    expect(override.comparison.difference.ok).toBe(true);
    expect(override.comparison.caveats.map((c) => c.code)).toEqual(['cell-under-5', 'group-under-30']);
    expect(override.definition.title).toMatch(/Override/);
  });

  it('compares PHQ-9 response 1/2 against no data, saying why the second has no value', () => {
    const response = row('phq9-response');
    if (response?.kind !== 'share') throw new Error('expected a share');
    expect(response.comparison.first).toMatchObject({ count: 1, total: 2, share: 0.5 });
    expect(response.comparison.second).toMatchObject({ count: 0, total: 0, share: null });
    expect(response.comparison.second.interval.ok).toBe(false);
  });

  it('compares per-person values: change in PHQ-9 (−12, −2) and days to first sentinel (none, then 10)', () => {
    const phq9 = row('change-phq9');
    if (phq9?.kind !== 'mean') throw new Error('expected a mean');
    expect(phq9.comparison.first).toMatchObject({ n: 2, mean: -7, median: -7 });
    expect(phq9.comparison.second).toMatchObject({ n: 0, mean: null });
    const sentinel = row('days-to-first-sentinel');
    if (sentinel?.kind !== 'mean') throw new Error('expected a mean');
    expect(sentinel.comparison.second).toMatchObject({ n: 1, mean: 10 });
  });

  it('covers every share and per-person measure, each with its definition', () => {
    expect(rows.map((r) => r.id)).toEqual([
      'sentinel-at-first-assessment',
      'override-rate',
      'care-plan-matches-level',
      'referral-within-target',
      'attended-of-booked',
      'did-not-attend-rate',
      'reviews-on-time',
      'same-key-worker',
      'level-rose-at-review',
      'level-fell-at-review',
      'phq9-response',
      'phq9-remission',
      'days-to-first-sentinel',
      'change-days-used',
      'change-sds',
      'change-phq9',
      'change-urinary-symptoms',
    ]);
  });
});
