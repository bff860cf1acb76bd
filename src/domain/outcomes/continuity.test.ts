import { describe, expect, it } from 'vitest';
import { contactGaps, reviewsOnTime, sameKeyWorker } from './continuity.ts';
import type { ReviewRow } from './rows.ts';
import { countedShare, d, episode } from './test-fixtures.ts';

const asOf = d('2026-03-01');

function review(dueOn: string, doneOn: string | null): ReviewRow {
  return { dueOn: d(dueOn), doneOn: doneOn === null ? null : d(doneOn) };
}

const reviewed = [
  episode('A', {
    reviews: [
      review('2026-01-15', '2026-01-14'), // a day early
      review('2026-02-12', '2026-02-14'), // two days late
      review('2026-02-20', null), // not done, due date passed
      review('2026-03-15', null), // not yet due
      review('2026-03-20', '2026-02-28'), // done early, before it fell due
    ],
  }),
  episode('B', { reviews: [review('2026-02-28', null)] }), // due the day before the report date
];

describe('reviewsOnTime', () => {
  it('counts reviews done by the due date over reviews done or overdue', () => {
    // On time: 15 Jan, 20 Mar → 2. Counted: 15 Jan, 12 Feb, 20 Feb, 20 Mar, B's 28 Feb → 5. 2 / 5 = 0.4.
    // People: A behind both on-time reviews; A and B behind the five counted.
    expect(reviewsOnTime(reviewed, asOf)).toEqual(countedShare(2, 5, 0.4, [1, 2]));
  });

  it('allows grace days when asked', () => {
    // With 2 days' grace 12 Feb (done 14 Feb) is on time; B's 28 Feb review is not overdue until 2 Mar.
    // On time 3 of 4.
    expect(reviewsOnTime(reviewed, asOf, 2)).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
  });

  it('has no value when no review is done or overdue', () => {
    expect(reviewsOnTime([episode('C', { reviews: [review('2026-04-01', null)] })], asOf)).toMatchObject({
      value: null,
      reason: { code: 'empty-denominator' },
    });
  });
});

describe('contactGaps', () => {
  it('pools the days between consecutive attended appointments', () => {
    const people = [
      episode('A', {
        appointments: [
          { on: d('2026-02-02'), status: 'attended' },
          { on: d('2026-01-05'), status: 'attended' },
          { on: d('2026-01-12'), status: 'did-not-attend' },
          { on: d('2026-01-19'), status: 'attended' },
        ],
      }), // 5 Jan → 19 Jan → 2 Feb: 14, 14
      episode('B', {
        appointments: [
          { on: d('2026-01-10'), status: 'attended' },
          { on: d('2026-02-09'), status: 'attended' },
        ],
      }), // 30
      episode('C', { appointments: [{ on: d('2026-01-10'), status: 'attended' }] }), // no gap
    ];
    // Median of 14, 14, 30 is 14; mean 58 / 3.
    const summary = contactGaps(people);
    expect(summary).toMatchObject({ n: 3, median: 14 });
    expect(summary.mean).toBeCloseTo(58 / 3, 10);
  });

  it('has no value without two attended contacts for anyone', () => {
    expect(contactGaps([])).toMatchObject({ n: 0, median: null, reason: { code: 'too-few-values' } });
  });
});

describe('sameKeyWorker', () => {
  it('counts people who kept one key worker, among people with one recorded', () => {
    const people = [
      episode('A', { keyWorkerIds: ['p1'] }),
      episode('B', { keyWorkerIds: ['p1', 'p2'] }),
      episode('C', { keyWorkerIds: ['p2', 'p2'] }), // the same person listed twice is still one key worker
      episode('D', { keyWorkerIds: [] }), // none recorded: left out
    ];
    const share = sameKeyWorker(people);
    expect(share).toMatchObject({ numerator: 2, denominator: 3 });
    expect(share.value).toBeCloseTo(2 / 3, 10);
  });

  it('has no value when no key worker is recorded', () => {
    expect(sameKeyWorker([episode('D')]).value).toBeNull();
  });
});
