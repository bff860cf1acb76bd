import { afterEach, describe, expect, it } from 'vitest';
import { localInstant, isLate } from '../cd-register/local-instant.ts';
import { clinicTimeZone, instantOnClinicClock, setClinicTimeZone, sharedTimeZone } from './clinic-clock.ts';
import { formatDateTime, formatInstantDate, formatTime } from './format.ts';
import { instantOfLocal, localDate, localDateTime } from './local-date.ts';

afterEach(() => setClinicTimeZone(undefined));

describe("the clinic's clock", () => {
  it("is the services' zone when they share one, and the browser's when they differ or have none", () => {
    expect(sharedTimeZone([{ timeZone: 'Europe/London' }, { timeZone: 'Europe/London' }])).toBe(
      'Europe/London',
    );
    expect(sharedTimeZone([{ timeZone: 'Europe/London' }, { timeZone: 'America/New_York' }])).toBeUndefined();
    expect(sharedTimeZone([])).toBeUndefined();
    setClinicTimeZone('Europe/London');
    expect(clinicTimeZone()).toBe('Europe/London');
  });

  it('shows an instant on the clinic clock: 13:05 UTC in July is 14:05 in London and 09:05 in New York', () => {
    setClinicTimeZone('Europe/London');
    expect(formatDateTime('2026-07-06T13:05:00Z')).toBe('06 Jul 2026, 14:05');
    expect(formatTime('2026-07-06T13:05:00Z')).toBe('14:05');
    expect(formatInstantDate('2026-07-06T23:30:00Z')).toBe('07 Jul 2026');
    setClinicTimeZone('America/New_York');
    expect(formatDateTime('2026-07-06T13:05:00Z')).toBe('06 Jul 2026, 09:05');
    // An explicit zone still wins.
    expect(formatDateTime('2026-07-06T13:05:00Z', 'Europe/London')).toBe('06 Jul 2026, 14:05');
  });

  it('fills date and time inputs from the clinic clock, and reads what is typed on it', () => {
    setClinicTimeZone('Europe/London');
    const now = new Date('2026-07-06T23:30:00Z');
    expect(localDate(now)).toBe('2026-07-07');
    expect(localDateTime(now)).toBe('2026-07-07T00:30');
    expect(instantOfLocal('2026-07-07T00:30')).toBe('2026-07-06T23:30:00.000Z');
    setClinicTimeZone('Australia/Sydney');
    expect(instantOfLocal('2026-12-06T09:00')).toBe('2026-12-05T22:00:00.000Z');
  });

  it('refuses what is not a date and time, and days a month does not have', () => {
    setClinicTimeZone('Europe/London');
    expect(instantOnClinicClock('')).toBeUndefined();
    expect(instantOnClinicClock('yesterday')).toBeUndefined();
    expect(instantOnClinicClock('2026-02-30T10:00')).toBeUndefined();
    expect(instantOnClinicClock('2026-02-28T24:00')).toBeUndefined();
    expect(instantOnClinicClock('2028-02-29T10:00')?.toISOString()).toBe('2028-02-29T10:00:00.000Z');
  });

  it("writes a register transaction with the clinic's offset on that day, so its date is the clinic's", () => {
    setClinicTimeZone('Europe/London');
    expect(localInstant('2026-07-07T00:30')).toBe('2026-07-07T00:30:00+01:00');
    expect(localInstant('2026-12-07T00:30')).toBe('2026-12-07T00:30:00+00:00');
    setClinicTimeZone('America/New_York');
    expect(localInstant('2026-12-06T19:05')).toBe('2026-12-06T19:05:00-05:00');
    expect(localInstant('')).toBeUndefined();
    expect(isLate('2026-12-05T10:00', new Date('2026-12-06T15:01:00Z'))).toBe(true);
    expect(isLate('2026-12-05T10:00', new Date('2026-12-06T14:59:00Z'))).toBe(false);
  });
});
