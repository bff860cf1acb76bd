// The discharge summary a patient takes home (and a GP can read): clinic and phone, prescriber, route in words,
// dose given, vitals table, alerts and observations, and the no-driving time on the clinic's clock with its zone.
import { formatInZone } from '../domain/core/zoned.ts';
import { readerReference } from '../domain/core/source-text.ts';
import type { Route } from '../domain/treatment/index.ts';
import { noDrivingText } from '../domain/treatment/no-driving-text.ts';
import { renderPdf, type PdfBlock, type PdfContent } from './pdf.ts';

export interface SummaryVitals {
  takenAt: Date;
  systolic: number | null;
  diastolic: number | null;
  heartRate: number | null;
  spo2: number | null;
  respiratoryRate: number | null;
  baseline: boolean;
}

export interface SummaryAlert {
  at: Date | null;
  severity: string;
  text: string;
}

export interface SummaryObservation {
  at: Date;
  kind: string;
  score: number | null;
  text: string | null;
}

export interface DischargeSummaryInput {
  patient: { givenName: string; familyName: string; birthDate: string };
  clinic: { name: string; phone: string | null; address: string | null; timeZone: string };
  protocolTitle: string;
  route: Route;
  noDrivingRule: 'hours-after-end' | 'next-day-after-sleep';
  noDrivingSource: string;
  prescriber: string | null;
  doseGivenMg: number | null;
  administrationStartedAt: Date | null;
  administrationEndedAt: Date;
  dischargedAt: Date;
  noDrivingUntil: Date;
  vitals: SummaryVitals[];
  alerts: SummaryAlert[];
  observations: SummaryObservation[];
  ifUnwell: string;
  ifUnwellSource: string;
}

const ROUTE_WORDS: Readonly<Record<Route, string>> = {
  'iv-racemic': 'ketamine by intravenous infusion (a drip into a vein)',
  im: 'ketamine by intramuscular injection',
  'intranasal-esketamine': 'esketamine nasal spray',
  oral: 'ketamine by mouth',
  sublingual: 'ketamine lozenge held in the mouth',
};

const OBSERVATION_WORDS: Readonly<Record<string, string>> = {
  cadss: 'Dissociation score (CADSS)',
  sedation: 'Sedation score',
  'adverse-event': 'Adverse event',
  'rescue-medication': 'Rescue medication',
  note: 'Note',
};

const num = (v: number | null) => (v === null ? '—' : String(v));

/** The summary as headings, paragraphs and a table; every time on the clinic's clock with its zone. */
export function dischargeSummaryContent(s: DischargeSummaryInput): PdfContent {
  const tz = s.clinic.timeZone;
  const at = (d: Date) => formatInZone(d, tz);
  const clinicLine = [
    s.clinic.name,
    s.clinic.phone ? `phone ${s.clinic.phone}` : 'phone not recorded: ask the clinic for its number',
    ...(s.clinic.address ? [s.clinic.address] : []),
  ].join(' · ');
  const given = s.doseGivenMg === null ? 'dose not recorded' : `${s.doseGivenMg} mg given`;
  const blocks: PdfBlock[] = [
    { heading: 'Clinic', text: clinicLine },
    {
      heading: 'Treatment',
      text: [
        `${s.protocolTitle}: ${ROUTE_WORDS[s.route]}; ${given}.`,
        `Prescriber: ${s.prescriber ?? 'not recorded'}.`,
        s.administrationStartedAt ? `Started ${at(s.administrationStartedAt)}.` : '',
        `Ended ${at(s.administrationEndedAt)}. Discharged ${at(s.dischargedAt)}.`,
      ]
        .filter((x) => x !== '')
        .join(' '),
    },
    {
      heading: 'Do not drive',
      text: noDrivingText(s.noDrivingRule, s.noDrivingUntil, s.administrationEndedAt, tz),
      note: `Source: ${readerReference(s.noDrivingSource)}`,
    },
    {
      heading: 'Vital signs',
      text: s.vitals.length === 0 ? 'No readings recorded.' : `Times are ${tz} time.`,
      ...(s.vitals.length > 0
        ? {
            table: {
              columns: ['Time', 'Blood pressure', 'Heart rate', 'SpO2', 'Breathing rate'],
              rows: s.vitals.map((v) => [
                `${at(v.takenAt)}${v.baseline ? ' (before)' : ''}`,
                `${num(v.systolic)}/${num(v.diastolic)} mmHg`,
                `${num(v.heartRate)} /min`,
                `${num(v.spo2)} %`,
                v.respiratoryRate === null ? '—' : `${v.respiratoryRate} /min`,
              ]),
            },
          }
        : {}),
    },
    {
      heading: 'Alerts during the session',
      text:
        s.alerts.length === 0
          ? 'None.'
          : s.alerts
              .map(
                (a) =>
                  `${a.at ? `${at(a.at)}: ` : ''}${a.severity === 'urgent' ? 'Urgent' : 'Warning'}: ${a.text}`,
              )
              .join('\n'),
    },
    {
      heading: 'Observations',
      text:
        s.observations.length === 0
          ? 'None recorded.'
          : s.observations
              .map(
                (o) =>
                  `${at(o.at)}: ${OBSERVATION_WORDS[o.kind] ?? o.kind}${o.score === null ? '' : ` ${o.score}`}${o.text ? ` — ${o.text}` : ''}`,
              )
              .join('\n'),
    },
    {
      heading: 'If you feel unwell',
      text: s.clinic.phone
        ? s.ifUnwell.replace(/call the clinic\.?$/i, `call the clinic on ${s.clinic.phone}.`)
        : s.ifUnwell,
      note: `Source: ${readerReference(s.ifUnwellSource)}`,
    },
  ];
  return {
    title: 'Discharge summary after ketamine treatment',
    subtitle: `${s.patient.familyName.toUpperCase()}, ${s.patient.givenName} · born ${s.patient.birthDate} · ${s.protocolTitle}`,
    blocks,
    footer: `Discharge summary from ${s.clinic.name}, generated from the session record.`,
  };
}

/** The discharge summary as PDF bytes. */
export function renderDischargeSummary(s: DischargeSummaryInput): Promise<Buffer> {
  return renderPdf(dischargeSummaryContent(s));
}
