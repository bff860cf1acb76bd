import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMinutes,
  addMonths,
  byDate,
  dayNumber,
  daysBetween,
  isoDate,
  isValidInstant,
  isWeekend,
  minutesBetween,
  monthOf,
  monthsFrom,
  nextBusinessDay,
  parseIsoDate,
  type IsoDate,
} from './calendar.ts';

/** A date the test knows is real. */
function date(text: string): IsoDate {
  const parsed = isoDate(text);
  if (parsed === undefined) throw new Error(`not a date: ${text}`);
  return parsed;
}

describe('isoDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31'])('accepts the real date %s', (text) => {
    expect(isoDate(text)).toBe(text);
  });

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-1-1',
    '26-01-01',
    '2026-01-01T00:00',
    '',
  ])('refuses %j', (text) => {
    expect(isoDate(text)).toBeUndefined();
  });
});

describe('calendar', () => {
  it('parses real dates and refuses impossible ones', () => {
    expect(parseIsoDate('1970-01-02')).toBe(1);
    expect(parseIsoDate('2024-02-29')).toBeDefined();
    expect(parseIsoDate('2026-02-29')).toBeUndefined();
    expect(parseIsoDate('2026-13-01')).toBeUndefined();
    expect(parseIsoDate('22/11/2026')).toBeUndefined();
  });

  it('counts calendar days across month ends', () => {
    const a = parseIsoDate('2026-10-23') ?? NaN;
    const b = parseIsoDate('2026-11-22') ?? NaN;
    expect(b - a).toBe(30);
    expect(daysBetween(date('2026-10-23'), date('2026-11-22'))).toBe(30);
  });

  it('adds and measures minutes', () => {
    const t = new Date('2026-11-22T10:00:00Z');
    expect(addMinutes(t, 90).toISOString()).toBe('2026-11-22T11:30:00.000Z');
    expect(minutesBetween(t, new Date('2026-11-22T09:30:00Z'))).toBe(-30);
    expect(isValidInstant(new Date('nonsense'))).toBe(false);
  });
});

describe('day arithmetic', () => {
  it('numbers days from 1970-01-01, so the same day is 0 apart and an earlier one is negative', () => {
    expect(dayNumber(date('1970-01-01'))).toBe(0);
    expect(daysBetween(date('2026-03-01'), date('2026-03-01'))).toBe(0);
    expect(daysBetween(date('2026-03-01'), date('2026-02-28'))).toBe(-1);
    expect(daysBetween(date('2024-02-28'), date('2024-03-01'))).toBe(2);
  });

  it('adds days across a month, a leap day and a year end, and goes back with a negative count', () => {
    expect(addDays(date('2026-01-31'), 1)).toBe('2026-02-01');
    expect(addDays(date('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(date('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addDays(date('2026-03-01'), -1)).toBe('2026-02-28');
  });

  it('adds months, keeping to the last day of a shorter month', () => {
    expect(addMonths(date('2024-02-29'), 24)).toBe('2026-02-28');
    expect(addMonths(date('2024-02-29'), 48)).toBe('2028-02-29');
    expect(addMonths(date('2026-01-31'), 1)).toBe('2026-02-28');
    expect(addMonths(date('2026-11-15'), 2)).toBe('2027-01-15');
  });

  it('finds the next business day: Friday gives Monday, Saturday gives Monday, Monday gives Tuesday', () => {
    expect(isWeekend(date('2026-12-05'))).toBe(true);
    expect(isWeekend(date('2026-12-06'))).toBe(true);
    expect(isWeekend(date('2026-12-04'))).toBe(false);
    expect(nextBusinessDay(date('2026-12-04'))).toBe('2026-12-07');
    expect(nextBusinessDay(date('2026-12-05'))).toBe('2026-12-07');
    expect(nextBusinessDay(date('2026-12-07'))).toBe('2026-12-08');
  });
});

describe('months and ordering', () => {
  it('names the month of a date', () => {
    expect(monthOf(date('2026-02-28'))).toBe('2026-02');
  });

  it('lists every month from one date to another across a year end, and none when the end is earlier', () => {
    expect(monthsFrom(date('2026-11-30'), date('2027-02-01'))).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(monthsFrom(date('2026-11-30'), date('2026-11-01'))).toEqual(['2026-11']);
    expect(monthsFrom(date('2026-11-30'), date('2026-10-31'))).toEqual([]);
  });

  it('sorts by date, earliest first, keeping the given order on the same date', () => {
    const items = [
      { id: 'a', on: date('2026-03-02') },
      { id: 'b', on: date('2026-03-01') },
      { id: 'c', on: date('2026-03-02') },
    ];
    expect(byDate(items, (i) => i.on).map((i) => i.id)).toEqual(['b', 'a', 'c']);
  });
});
