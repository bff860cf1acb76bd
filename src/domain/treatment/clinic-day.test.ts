// The clinic's "today" follows its own midnight, not UTC's.
import { describe, expect, it } from 'vitest';
import { clinicToday } from './clinic-day.ts';

describe('clinicToday', () => {
  it('is still the old day one second before local midnight in London summer time', () => {
    expect(clinicToday(new Date('2026-06-30T22:59:59Z'), 'Europe/London')).toBe('2026-06-30');
  });

  it('is the new day at local midnight in London summer time while UTC is still on the old day', () => {
    expect(clinicToday(new Date('2026-06-30T23:00:00Z'), 'Europe/London')).toBe('2026-07-01');
  });

  it('follows UTC midnight in London winter time (GMT), one second either side', () => {
    expect(clinicToday(new Date('2026-12-05T23:59:59Z'), 'Europe/London')).toBe('2026-12-05');
    expect(clinicToday(new Date('2026-12-06T00:00:00Z'), 'Europe/London')).toBe('2026-12-06');
  });

  it('is still the old day in New York after UTC midnight, until local midnight', () => {
    expect(clinicToday(new Date('2026-12-06T04:59:59Z'), 'America/New_York')).toBe('2026-12-05');
    expect(clinicToday(new Date('2026-12-06T05:00:00Z'), 'America/New_York')).toBe('2026-12-06');
  });
});
