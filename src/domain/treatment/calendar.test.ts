import { describe, expect, it } from 'vitest';
import {
  addMinutes,
  daysBetween,
  isValidInstant,
  minutesBetween,
  parseIsoDate,
  startOfNextLocalDay,
} from './calendar.ts';

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
    expect(daysBetween(a, b)).toBe(30);
  });

  it('adds and measures minutes', () => {
    const t = new Date('2026-11-22T10:00:00Z');
    expect(addMinutes(t, 90).toISOString()).toBe('2026-11-22T11:30:00.000Z');
    expect(minutesBetween(t, new Date('2026-11-22T09:30:00Z'))).toBe(-30);
    expect(isValidInstant(new Date('nonsense'))).toBe(false);
  });

  it('finds the start of the next local day for a UTC offset', () => {
    expect(startOfNextLocalDay(new Date('2026-11-22T10:00:00Z'), 0).toISOString()).toBe(
      '2026-11-23T00:00:00.000Z',
    );
    // 23:30 UTC is already 2026-11-23 08:30 in UTC+9: the next local day starts 2026-11-24 00:00 local.
    expect(startOfNextLocalDay(new Date('2026-11-22T23:30:00Z'), 540).toISOString()).toBe(
      '2026-11-23T15:00:00.000Z',
    );
    // 02:00 UTC is 21:00 the day before in UTC−5: the next local day starts 05:00 UTC.
    expect(startOfNextLocalDay(new Date('2026-11-22T02:00:00Z'), -300).toISOString()).toBe(
      '2026-11-22T05:00:00.000Z',
    );
  });
});
