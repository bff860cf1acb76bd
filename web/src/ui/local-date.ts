// Local calendar values for date and datetime-local inputs ("2026-10-01", "2026-10-01T14:05"), and date sums.

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as the value of a date input, in local time. */
export function localDate(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A Date as the value of a datetime-local input, in local time. */
export function localDateTime(d: Date): string {
  return `${localDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The calendar date `days` after `isoDate` ("2026-10-01" + 14 → "2026-10-15"). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
