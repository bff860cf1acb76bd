import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatInstantDate } from './format.ts';

describe('the one date style of the pages people read', () => {
  it('prints a calendar date as "06 Dec 2026", whatever the time zone', () => {
    expect(formatDate('2026-12-06')).toBe('06 Dec 2026');
    expect(formatDate('1985-03-02')).toBe('02 Mar 1985');
    expect(formatDate(null)).toBe('');
  });

  it('prints an instant on the service’s wall clock as "06 Dec 2026, 14:05", in winter and in summer', () => {
    expect(formatDateTime('2026-12-06T14:05:00Z', 'Europe/London')).toBe('06 Dec 2026, 14:05');
    expect(formatDateTime('2026-07-05T10:00:00Z', 'Europe/London')).toBe('05 Jul 2026, 11:00');
    expect(formatDateTime('2026-12-06T19:05:00Z', 'America/New_York')).toBe('06 Dec 2026, 14:05');
  });

  it('gives the date of an instant on the wall clock: 23:30 UTC on 5 Jul is 6 Jul in London', () => {
    expect(formatInstantDate('2026-07-05T23:30:00Z', 'Europe/London')).toBe('06 Jul 2026');
    expect(formatInstantDate('2026-10-01T10:00:00Z', 'UTC')).toBe('01 Oct 2026');
  });

  it('uses the same style on the browser’s clock when no zone is given', () => {
    expect(formatDateTime('2026-12-06T14:05:00Z')).toMatch(/^\d{2} [A-Z][a-z]{2} 2026, \d{2}:\d{2}$/);
    expect(formatInstantDate('2026-10-01T12:00:00Z')).toMatch(/^(30 Sep|01 Oct) 2026$/);
  });

  it('shows an unreadable value as given rather than "Invalid Date"', () => {
    expect(formatDateTime('not a time')).toBe('not a time');
    expect(formatInstantDate('not a time')).toBe('not a time');
  });
});
