// Time zones for tests of "today on the clinic's calendar": at any moment one of two real zones is on another date
// than UTC, so a rule that still counts on UTC's calendar gives another answer and the test fails on it.

/**
 * A zone whose calendar date differs from UTC's at `at`: Kiritimati (UTC+14) is a day ahead from 10:00 UTC, Pago
 * Pago (UTC−11) a day behind before 11:00 UTC.
 */
export function zoneOffUtcDay(at: Date = new Date()): 'Pacific/Kiritimati' | 'Pacific/Pago_Pago' {
  return at.getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
}

/** The calendar date ('YYYY-MM-DD') of `at` on the zone's clock. */
export function dayIn(zone: string, at: Date = new Date()): string {
  return at.toLocaleDateString('en-CA', { timeZone: zone });
}

/** The calendar date ('YYYY-MM-DD') of `at` on UTC's clock. */
export function utcDay(at: Date = new Date()): string {
  return at.toISOString().slice(0, 10);
}
