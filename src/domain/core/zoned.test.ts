import { describe, expect, it } from 'vitest';
import {
  formatDateInZone,
  formatInZone,
  formatWallClock,
  isTimeZone,
  nextLocalDate,
  utcOffsetMinutes,
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
