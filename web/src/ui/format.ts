// Display formats for the clinic: dates as "02 Mar 1985", ages in years, names as "FAMILY, Given", NHS numbers 3-3-4.
// The one date style of every page people read: "06 Dec 2026" and "06 Dec 2026, 14:05" (as the PDFs print them).
import { formatNhsNumber } from '../../../src/domain/patient/nhs-number.ts';
import { clinicWallClock } from './clinic-clock.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "1985-03-02" → "02 Mar 1985" (calendar dates carry no time zone). */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${m[3]} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/**
 * An instant as "02 Mar 2025, 14:05": on the wall clock of `timeZone` (an IANA name) when given, otherwise the
 * clinic's (ui/clinic-clock.ts: the signed-in user's services' zone, else the browser's).
 */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const w = clinicWallClock(d, timeZone);
  return `${pad(w.day)} ${MONTHS[w.month - 1]} ${w.year}, ${pad(w.hour)}:${pad(w.minute)}`;
}

/** The calendar day of an instant, "02 Mar 2025", on `timeZone`'s wall clock when given, otherwise the clinic's. */
export function formatInstantDate(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const w = clinicWallClock(d, timeZone);
  return `${pad(w.day)} ${MONTHS[w.month - 1]} ${w.year}`;
}

/** Whole years between a birth date and today. */
export function ageInYears(birthDate: string, today: Date = new Date()): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d)) age -= 1;
  return age;
}

/** "02 Mar 1985 (40 years)". */
export function formatBirthDate(birthDate: string): string {
  const age = ageInYears(birthDate);
  return age === null
    ? formatDate(birthDate)
    : `${formatDate(birthDate)} (${age} ${age === 1 ? 'year' : 'years'})`;
}

/** "SMITH, Jane". */
export function patientName(p: { givenName: string; familyName: string }): string {
  return `${p.familyName.toUpperCase()}, ${p.givenName}`;
}

/** The value of one identifier system, formatted for display ("" when absent). */
export function identifierValue(identifiers: { system: string; value: string }[], system: string): string {
  const found = identifiers.find((i) => i.system === system)?.value;
  if (!found) return '';
  return system === 'nhs' ? formatNhsNumber(found) : found;
}

const SEX_LABELS: Record<string, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};

/** "Female", or "Not recorded". */
export function sexLabel(sex: string | undefined): string {
  return sex ? (SEX_LABELS[sex] ?? sex) : 'Not recorded';
}

/** An instant as the time of day on the clinic's clock, "14:05". */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const w = clinicWallClock(d);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}
