import { describe, expect, it } from 'vitest';
import { defaultPack } from './default-pack.ts';
import { reviewDueDate, reviewWithinDaysFor } from './review-due.ts';

describe('reviewWithinDaysFor', () => {
  it.each(defaultPack.levels.map((l) => [l.level, l.reviewWithinDays] as const))(
    'takes level %i’s interval (%i days) from the pack',
    (level, days) => {
      expect(reviewWithinDaysFor(level, defaultPack, { reviewWithinDays: -1 })).toBe(days);
    },
  );

  it('takes the confirmed level’s interval, not the proposal’s, after an override', () => {
    const level4 = defaultPack.levels.find((l) => l.level === 4);
    const level1 = defaultPack.levels.find((l) => l.level === 1);
    expect(reviewWithinDaysFor(4, defaultPack, { reviewWithinDays: level1?.reviewWithinDays ?? 0 })).toBe(
      level4?.reviewWithinDays,
    );
  });

  it('falls back to the proposal’s interval when the pack is not available', () => {
    expect(reviewWithinDaysFor(2, undefined, { reviewWithinDays: 28 })).toBe(28);
  });
});

describe('reviewDueDate', () => {
  const utcDay = 'on a UTC service, the UTC day counts';
  const edges = 'crosses month, leap-day, year and clock-change edges';
  it.each([
    [utcDay, '2026-03-10T00:00:00.000Z', 7, '2026-03-17'],
    [utcDay, '2026-03-10T23:59:59.999Z', 7, '2026-03-17'],
    [utcDay, '2026-03-09T23:59:59.999Z', 7, '2026-03-16'],
    [utcDay, '2026-03-11T00:00:00.000Z', 7, '2026-03-18'],
    [utcDay, '2026-03-10T12:00:00.000Z', 0, '2026-03-10'],
    [utcDay, '2026-03-10T12:00:00.000Z', 1, '2026-03-11'],
    [edges, '2026-01-31T09:00:00.000Z', 1, '2026-02-01'],
    [edges, '2028-02-28T09:00:00.000Z', 1, '2028-02-29'],
    [edges, '2027-02-28T09:00:00.000Z', 1, '2027-03-01'],
    [edges, '2026-12-31T09:00:00.000Z', 1, '2027-01-01'],
    [edges, '2026-03-28T09:00:00.000Z', 2, '2026-03-30'],
  ])('%s: a decision at %s with %i days is reviewed by %s', (_edge, at, days, due) => {
    expect(reviewDueDate(new Date(at), days, 'UTC')).toBe(due);
  });

  // The service's day, one minute either side of its midnight (the worklist's "today" is on the same calendar).
  it.each([
    // New York in winter (UTC−5): 20:00 on 10 January local is 01:00 UTC on the 11th — still the 10th's decision.
    ['America/New_York', '2026-01-11T01:00:00.000Z', 7, '2026-01-17'],
    ['America/New_York', '2026-01-11T04:59:00.000Z', 7, '2026-01-17'],
    ['America/New_York', '2026-01-11T05:00:00.000Z', 7, '2026-01-18'],
    // London in summer (UTC+1): 00:30 BST on 1 July is 23:30 UTC on 30 June — already July's decision.
    ['Europe/London', '2026-06-30T22:59:00.000Z', 1, '2026-07-01'],
    ['Europe/London', '2026-06-30T23:00:00.000Z', 1, '2026-07-02'],
    ['Europe/London', '2026-01-10T23:59:00.000Z', 1, '2026-01-11'],
    // Auckland in summer (UTC+13): 09:00 on 6 Dec local is 20:00 UTC on the 5th.
    ['Pacific/Auckland', '2026-12-05T20:00:00.000Z', 28, '2027-01-03'],
    ['Pacific/Auckland', '2026-12-05T10:59:00.000Z', 0, '2026-12-05'],
    ['Pacific/Auckland', '2026-12-05T11:00:00.000Z', 0, '2026-12-06'],
  ])('in %s, a decision at %s with %i days is reviewed by %s', (zone, at, days, due) => {
    expect(reviewDueDate(new Date(at), days, zone)).toBe(due);
  });
});
