import { describe, expect, it } from 'vitest';
import {
  formatDateInZone,
  formatInZone,
  formatWallClock,
  instantOfWallClock,
  isTimeZone,
  nextLocalDate,
  startOfNextDayInZone,
  utcOffsetMinutes,
  wallClockOf,
} from './zoned.ts';

const LONDON = 'Europe/London';

describe('times on a clinic wall clock', () => {
  it('prints GMT in the UK winter: 01:49 UTC on 06 Dec is 01:49 GMT', () => {
    expect(formatInZone(new Date('2026-12-06T01:49:00Z'), LONDON)).toBe('06 Dec 2026, 01:49 GMT');
  });

  it('prints BST in the UK summer: 12 h after a 12:49 UTC end is 01:49 BST, not 00:49', () => {
    expect(formatInZone(new Date('2026-07-06T00:49:00Z'), LONDON)).toBe('06 Jul 2026, 01:49 BST');
  });

  it('prints the wall clock alone where the page names the zone once: 14:05 in New York is 19:05 UTC', () => {
    expect(formatWallClock(new Date('2026-12-06T19:05:00Z'), 'America/New_York')).toBe('06 Dec 2026, 14:05');
    expect(formatWallClock(new Date('2026-07-06T00:49:00Z'), LONDON)).toBe('06 Jul 2026, 01:49');
  });

  it('changes at the clock change, one minute either side (29 Mar 2026, 01:00 UTC)', () => {
    expect(formatInZone(new Date('2026-03-29T00:59:00Z'), LONDON)).toBe('29 Mar 2026, 00:59 GMT');
    expect(formatInZone(new Date('2026-03-29T01:00:00Z'), LONDON)).toBe('29 Mar 2026, 02:00 BST');
    expect(formatInZone(new Date('2026-03-29T01:01:00Z'), LONDON)).toBe('29 Mar 2026, 02:01 BST');
  });

  it('gives the offset for GMT, BST and a zone west of UTC', () => {
    expect(utcOffsetMinutes(new Date('2026-12-06T12:00:00Z'), LONDON)).toBe(0);
    expect(utcOffsetMinutes(new Date('2026-07-06T12:00:00Z'), LONDON)).toBe(60);
    expect(utcOffsetMinutes(new Date('2026-12-06T12:00:00Z'), 'America/New_York')).toBe(-300);
  });

  it('gives the local date, and the next one, across midnight', () => {
    expect(formatDateInZone(new Date('2026-07-05T23:30:00Z'), LONDON)).toBe('06 Jul 2026');
    expect(nextLocalDate(new Date('2026-07-05T23:30:00Z'), LONDON)).toBe('07 Jul 2026');
    expect(nextLocalDate(new Date('2026-12-31T13:00:00Z'), LONDON)).toBe('01 Jan 2027');
  });

  it('accepts IANA zone names and refuses others', () => {
    expect(isTimeZone(LONDON)).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(' Europe/London')).toBe(false);
  });
});

describe('a wall-clock time as an instant, and the start of the next local day', () => {
  it('prints September as Sep, like every other page and document', () => {
    expect(formatInZone(new Date('2026-09-06T12:00:00Z'), LONDON)).toBe('06 Sep 2026, 13:00 BST');
  });

  it('reads a wall-clock time in the zone: 14:05 in London in winter, in summer, and in New York', () => {
    const at = (tz: string, month: number) =>
      instantOfWallClock({ year: 2026, month, day: 6, hour: 14, minute: 5 }, tz).toISOString();
    expect(at(LONDON, 12)).toBe('2026-12-06T14:05:00.000Z');
    expect(at(LONDON, 7)).toBe('2026-07-06T13:05:00.000Z');
    expect(at('America/New_York', 12)).toBe('2026-12-06T19:05:00.000Z');
    expect(wallClockOf(new Date('2026-07-06T13:05:00Z'), LONDON)).toEqual({
      year: 2026,
      month: 7,
      day: 6,
      hour: 14,
      minute: 5,
    });
  });

  it('reads a time the clock skips as after the skip, and a time it shows twice as the later one', () => {
    // 29 Mar 2026: 01:00 GMT becomes 02:00 BST; 25 Oct 2026: 02:00 BST becomes 01:00 GMT.
    expect(
      instantOfWallClock({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, LONDON).toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z');
    expect(
      instantOfWallClock({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, LONDON).toISOString(),
    ).toBe('2026-10-25T01:30:00.000Z');
  });

  it('starts the next day at local midnight: London winter and summer, one minute either side of midnight', () => {
    expect(startOfNextDayInZone(new Date('2026-12-06T23:59:00Z'), LONDON).toISOString()).toBe(
      '2026-12-07T00:00:00.000Z',
    );
    expect(startOfNextDayInZone(new Date('2026-12-07T00:00:00Z'), LONDON).toISOString()).toBe(
      '2026-12-08T00:00:00.000Z',
    );
    // 22:59 UTC on 6 Jul is 23:59 BST (next day starts 23:00 UTC); 23:00 UTC is already 7 Jul.
    expect(startOfNextDayInZone(new Date('2026-07-06T22:59:00Z'), LONDON).toISOString()).toBe(
      '2026-07-06T23:00:00.000Z',
    );
    expect(startOfNextDayInZone(new Date('2026-07-06T23:00:00Z'), LONDON).toISOString()).toBe(
      '2026-07-07T23:00:00.000Z',
    );
  });

  it("starts the next day by the clinic's date far from UTC: Sydney is already on the next day at 22:00 UTC", () => {
    // 22:00 UTC on 5 Dec is 09:00 AEDT on 6 Dec: the next day there starts at 00:00 AEDT on 7 Dec (13:00 UTC 6 Dec).
    expect(startOfNextDayInZone(new Date('2026-12-05T22:00:00Z'), 'Australia/Sydney').toISOString()).toBe(
      '2026-12-06T13:00:00.000Z',
    );
    expect(startOfNextDayInZone(new Date('2026-12-06T01:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-12-06T05:00:00.000Z',
    );
  });

  it('starts the next day after a clock change at midnight (Santiago skips 00:00–01:00 on 6 Sep 2026)', () => {
    const start = startOfNextDayInZone(new Date('2026-09-05T20:00:00Z'), 'America/Santiago');
    expect(start.toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(formatInZone(start, 'America/Santiago')).toBe('06 Sep 2026, 01:00 GMT-3');
    // 5 Apr 2026: 00:00 GMT-3 goes back to 23:00 GMT-4 on the 4th; 00:00 on the 5th then comes once, at 04:00 UTC.
    expect(startOfNextDayInZone(new Date('2026-04-04T20:00:00Z'), 'America/Santiago').toISOString()).toBe(
      '2026-04-05T04:00:00.000Z',
    );
  });
});
