// One-line summaries of the completed parts of a course (referral, eligibility, consent), shown where the full
// records would be in the way: on a dosing session's page, and folded in the treatment area during a session.
import { chartPath } from '../chart/chart-context.ts';
import { formatDateTime } from '../ui/format.ts';
import { decisionLine } from './DecisionList.tsx';
import { indicationText } from './ReferralList.tsx';
import { routeLabel } from './treatment-labels.ts';
import type { ConsentView, ScreeningRecord } from './treatment-types.ts';

/** The treatment area's sections a summary links to; the section opens unfolded there. */
export type RecordSection = 'screening' | 'consent';

/** The treatment area with `section` open and brought into view. */
export function treatmentRecordPath(patientId: string, section: RecordSection): string {
  return `${chartPath(patientId, 'treatment')}?open=${section}`;
}

/** Which section the treatment area was asked to open, if any. */
export function openSection(search: URLSearchParams): RecordSection | null {
  const open = search.get('open');
  return open === 'screening' || open === 'consent' ? open : null;
}

/** "Referral: Treatment-resistant depression, from Dr Lee, recorded 06 Dec 2026" (the newest referral). */
export function referralLine(record: ScreeningRecord): string {
  const r = record.referrals[0];
  if (!r) return 'Referral: none recorded';
  const from = r.referrer ? `, from ${r.referrer}` : '';
  return `Referral: ${indicationText(r.indication)}${from}, recorded ${formatDateTime(r.recordedAt)}`;
}

/** "Eligibility: Eligible for IV racemic ketamine, signed by … on …" (the latest decision). */
export function eligibilityLine(record: ScreeningRecord): string {
  const d = record.decisions[0];
  return d ? `Eligibility: ${decisionLine(d)}` : 'Eligibility: no decision signed';
}

/** The active consent, else the newest one, else none. */
export function currentConsent(consents: readonly ConsentView[]): ConsentView | null {
  return consents.find((c) => c.active) ?? consents[0] ?? null;
}

/** "Consent: active — Consent to intravenous ketamine treatment (IV racemic ketamine), version 1.0.0, signed …". */
export function consentLine(consent: ConsentView | null, title: string): string {
  if (!consent) return 'Consent: none recorded';
  const state = consent.active ? 'active' : 'withdrawn';
  return `Consent: ${state} — ${title} (${routeLabel(consent.route)}), version ${consent.documentVersion}, signed ${formatDateTime(consent.signedAt)}`;
}
