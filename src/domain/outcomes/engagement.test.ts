import { describe, expect, it } from 'vitest';
import { attendedOfBooked, didNotAttendRate, timeInTreatment } from './engagement.ts';
import type { AppointmentRow } from './rows.ts';
import { countedShare, d, episode } from './test-fixtures.ts';

const asOf = d('2026-03-01');

function appt(on: string, status: AppointmentRow['status']): AppointmentRow {
  return { on: d(on), status };
}

const episodes = [
  episode('A', {
    appointments: [
      appt('2026-01-05', 'attended'),
      appt('2026-01-12', 'did-not-attend'),
      appt('2026-01-19', 'attended'),
      appt('2026-01-26', 'cancelled'),
      appt('2026-02-02', 'rescheduled'),
      appt('2026-02-03', 'attended'),
      appt('2026-03-10', 'booked'), // after the report date
    ],
  }),
  episode('B', {
    appointments: [
      appt('2026-02-01', 'attended'),
      appt('2026-02-15', 'booked'), // past, outcome never recorded
      appt('2026-03-01', 'did-not-attend'), // on the report date: counted
    ],
  }),
];

describe('attendedOfBooked', () => {
  it('divides attended by every booking up to the report date except rescheduled ones', () => {
    // Booked up to 1 Mar, not rescheduled: A 5 (3 attended, 1 DNA, 1 cancelled); B 3 (1 attended, 1 open, 1 DNA).
    // Attended 4 of 8 = 0.5.
    expect(attendedOfBooked(episodes, asOf)).toEqual(countedShare(4, 8, 0.5, [2, 2]));
  });

  it('has no value when nothing was booked', () => {
    expect(attendedOfBooked([], asOf)).toMatchObject({ value: null, reason: { code: 'empty-denominator' } });
  });
});

describe('didNotAttendRate', () => {
  it('divides did-not-attend by attended plus did-not-attend', () => {
    // Attended 4, DNA 2 → 2 of 6.
    const rate = didNotAttendRate(episodes, asOf);
    expect(rate).toMatchObject({ numerator: 2, denominator: 6 });
    expect(rate.value).toBeCloseTo(1 / 3, 10);
  });

  it('has no value when no appointment went ahead or was missed', () => {
    expect(didNotAttendRate([], asOf).value).toBeNull();
  });
});

describe('timeInTreatment', () => {
  it('runs from first contact to discharge, or to the report date while open', () => {
    const people = [
      episode('A', { firstContactOn: d('2026-01-01'), dischargedOn: d('2026-02-10') }), // 31 + 9 = 40
      episode('B', { firstContactOn: d('2026-01-15') }), // open: 15 Jan → 1 Mar = 45
      episode('C', { firstContactOn: d('2026-02-01'), dischargedOn: d('2026-03-20') }), // discharged later: 28
    ];
    // Median of 28, 40, 45 is 40; mean 113 / 3 = 37.667. B and C are open on 1 Mar.
    const result = timeInTreatment(people, asOf);
    expect(result.days).toMatchObject({ n: 3, median: 40 });
    expect(result.days.mean).toBeCloseTo(113 / 3, 10);
    expect(result.stillOpen).toBe(2);
  });

  it('has no value for no people', () => {
    expect(timeInTreatment([], asOf)).toEqual({
      days: {
        n: 0,
        median: null,
        mean: null,
        reason: { code: 'too-few-values', text: 'No people in the data.' },
      },
      stillOpen: 0,
    });
  });
});
