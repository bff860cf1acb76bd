// Words for the timeline: each kind of line as the clinic says it, and older lines' route codes as labels.
import type { InstrumentId } from '../../../src/domain/instruments/types.ts';
import { decisionWords, routeWords } from '../../../src/domain/treatment/route-labels.ts';
import { contactTypeLabel } from '../appointments/appointment-types.ts';
import { RECORD_FIELD_LABELS } from './record-field-labels.ts';

/** Every kind the API writes on a timeline (src/api, src/cli/demo), as a filter's label. */
export const TIMELINE_KIND_LABELS: Readonly<Record<string, string>> = {
  'patient-registered': 'Registration',
  'patient-corrected': 'Record corrections',
  'harm-assessment': 'Harm assessments',
  'harm-decision': 'Level-of-need decisions',
  'care-plan': 'Care plans',
  formulation: 'Formulations',
  questionnaire: 'Questionnaires',
  'self-report-link': 'Self-report links',
  referral: 'Treatment referrals',
  eligibility: 'Eligibility decisions',
  consent: 'Consents',
  'treatment-session': 'Dosing sessions',
  'therapy-session': 'Therapy sessions',
  vitals: 'Vital signs',
  'safety-alert': 'Safety alerts',
  'cd-entry': 'Controlled-drug entries',
  appointment: 'Appointments',
  'crisis-event': 'Crisis events',
  'onward-referral': 'Onward referrals',
  supervision: 'Supervision',
  task: 'Tasks',
  'care-message': 'Care messages',
  document: 'Documents',
  'break-glass': 'Emergency access',
};

/** A kind's label; an unknown kind (a newer server) reads as its code in words ("new-kind" → "New kind"). */
export function timelineKindLabel(kind: string): string {
  const known = TIMELINE_KIND_LABELS[kind];
  if (known) return known;
  const words = kind.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The instruments' usual short names (their titles are in src/domain/instruments); the type covers every id. */
const INSTRUMENT_SHORT_NAMES: Readonly<Record<InstrumentId, string>> = {
  'phq-9': 'PHQ-9',
  'gad-7': 'GAD-7',
  'pcl-5': 'PCL-5',
  sds: 'SDS',
  'qids-sr16': 'QIDS-SR16',
  madrs: 'MADRS',
  cadss: 'CADSS',
  'cssrs-screener': 'C-SSRS screener',
  'ketamine-urinary-checklist': 'Ketamine urinary symptom checklist',
};
const instrumentName = (id: string): string =>
  (INSTRUMENT_SHORT_NAMES as Readonly<Record<string, string>>)[id] ?? id;

/** What a supervision note or sign-off is about (the item types of POST /supervision/notes). */
const SUPERVISED_ITEMS: Readonly<Record<string, string>> = {
  decision: 'a level-of-need decision',
  assessment: 'a harm assessment',
  review: 'a review',
};

const ELIGIBILITY = /^Eligibility for ([a-z-]+): ([a-z-]+)( \(signed by .*\))?$/;
const WITHDRAWN = /^Consent withdrawn \(([a-z-]+)\)$/;
const BOOKED = /^(Appointment booked for .+) \(([a-z-]+)\)$/;
const CORRECTED = /^(Record corrected \(version \d+\)): ([A-Za-z, ]+)$/;
const SUPERVISION = /^Supervision (sign-off|note) \(([a-z-]+)\)$/;
const SELF_REPORT = /^Self-report link issued \(([a-z0-9, -]+)\)$/;

/**
 * A line's summary in words. Lines are never rewritten, so the codes some lines carry (a route, a decision, a
 * contact type, a record's field names) are shown with their labels.
 */
export function timelineSummary(kind: string, summary: string): string {
  if (kind === 'eligibility') {
    const m = ELIGIBILITY.exec(summary);
    if (m?.[1] && m[2]) return `Eligibility for ${routeWords(m[1])}: ${decisionWords(m[2])}${m[3] ?? ''}`;
  }
  if (kind === 'consent') {
    const m = WITHDRAWN.exec(summary);
    if (m?.[1]) return `Consent withdrawn (${routeWords(m[1])})`;
  }
  if (kind === 'appointment') {
    const m = BOOKED.exec(summary);
    if (m?.[1] && m[2]) return `${m[1]} (${contactTypeLabel(m[2]).toLowerCase()})`;
  }
  if (kind === 'patient-corrected') {
    const m = CORRECTED.exec(summary);
    if (m?.[1] && m[2]) {
      const fields = m[2].split(', ').map((f) => RECORD_FIELD_LABELS[f] ?? f);
      return `${m[1]}: ${fields.join(', ')}`;
    }
  }
  if (kind === 'supervision') {
    const m = SUPERVISION.exec(summary);
    const item = m?.[2] ? SUPERVISED_ITEMS[m[2]] : undefined;
    if (m?.[1] && item) return `Supervision ${m[1]} on ${item}`;
  }
  if (kind === 'self-report-link') {
    const m = SELF_REPORT.exec(summary);
    if (m?.[1]) return `Self-report link issued (${m[1].split(', ').map(instrumentName).join(', ')})`;
  }
  return summary;
}
