// The esketamine REMS Patient Monitoring Form, prefilled from the session record and checked for what is missing.
import { clinicToday } from '../../domain/treatment/clinic-day.ts';
import {
  interactionFlags,
  interactionMatcherLimitation,
  mmHg,
  remsRecordProblems,
  REMS_FORM_VERSION,
  type RemsMonitoringRecord,
} from '../../domain/treatment/index.ts';
import { dischargeRecord } from '../../domain/treatment/discharge-events.ts';
import {
  remsConcomitantMedication,
  remsFortyMinuteBp,
  remsMedicationFields,
  remsMedicationSuggestion,
  remsPreDoseAcceptable,
  type RemsMedicationAnswers,
  type RemsMedicationConfirmation,
} from '../../domain/treatment/rems-fill.ts';
import type { PatientRecord } from '../../schemas/patient.ts';
import type { Queryable } from '../../store/db.ts';
import type { SessionEventRow, SessionRow } from '../../store/treatment.ts';
import { findUserById } from '../../store/users.ts';
import { sessionProtocol, toVitalSigns, type StoredVitals } from './session-vitals.ts';

/** The session event that records a person's answers to the form's concomitant-medication questions. */
export const REMS_MEDICATION_EVENT = 'rems-medication-confirmed';

interface Staff {
  displayName: string;
  email: string;
}

const bp = (v: StoredVitals | undefined) => ({
  systolic: mmHg(v?.systolic ?? Number.NaN),
  diastolic: mmHg(v?.diastolic ?? Number.NaN),
});

/** Who acknowledged a high pre-dose BP at the start of the session, as recorded there (id and time). */
function preDoseAcknowledgement(session: SessionRow): { userId: string | null; at: Date } | null {
  const p = session.prechecks as {
    prescriberAcknowledgedHighBp?: unknown;
    highBpAcknowledgedBy?: { userId?: unknown; at?: unknown };
  } | null;
  const by = p?.highBpAcknowledgedBy;
  if (by && typeof by.at === 'string')
    return { userId: typeof by.userId === 'string' ? by.userId : null, at: new Date(by.at) };
  return p?.prescriberAcknowledgedHighBp === true ? { userId: null, at: session.started_at } : null;
}

/** Display names of the staff the form names besides the monitoring HCP (the prescriber who acknowledged BP). */
export async function remsStaffNames(db: Queryable, session: SessionRow): Promise<Record<string, string>> {
  const id = preDoseAcknowledgement(session)?.userId;
  const user = id ? await findUserById(db, id) : undefined;
  return user && id ? { [id]: user.display_name } : {};
}

/** The latest confirmation of the concomitant-medication answers, or null when nobody has confirmed them. */
function latestConfirmation(events: readonly SessionEventRow[]): RemsMedicationConfirmation | null {
  const e = events.filter((x) => x.kind === REMS_MEDICATION_EVENT).at(-1);
  if (!e) return null;
  const answers = e.data.answers as Partial<Record<string, unknown>> | undefined;
  if (!answers || !remsMedicationFields.every((f) => typeof answers[f] === 'boolean')) return null;
  return {
    answers: answers as unknown as RemsMedicationAnswers,
    confirmedBy: typeof e.data.confirmedByName === 'string' ? e.data.confirmedByName : e.recorded_by_name,
    confirmedAt: e.at,
  };
}

/**
 * The form as far as the record can fill it; what it cannot know (setting address, phone) is left blank and
 * listed. The 40-minute BP comes only from its window; concomitant medication only from a person's
 * confirmation (the name matcher's answers are returned as a suggestion beside the form).
 */
export function remsDraft(
  session: SessionRow,
  events: readonly SessionEventRow[],
  patient: PatientRecord,
  monitoring: Staff,
  service: { name: string; timeZone: string },
  firstTreatment: boolean,
  now: Date,
  staffNames: Readonly<Record<string, string>> = {},
) {
  const protocol = sessionProtocol(session.protocol);
  const read = dischargeRecord(events, null);
  const start = events.find((e) => e.kind === 'administration-start');
  const vitals = events
    .filter((e) => e.kind === 'vitals' && e.data.baseline !== true)
    .map((e) => ({ at: e.at, v: e.data as unknown as StoredVitals }));
  const fortyMin = read.ok
    ? remsFortyMinuteBp(protocol, read.value.dosedAt, read.value.postDoseVitals)
    : null;
  const end = session.discharged_at ?? now;
  const classes = interactionFlags(patient.medications.map((m) => m.name)).map((f) => f.classId);
  const suggestion = remsMedicationSuggestion(classes);
  const confirmation = latestConfirmation(events);
  const ack = preDoseAcknowledgement(session);
  const preDose = remsPreDoseAcceptable(
    protocol,
    toVitalSigns(session.baseline),
    ack ? { by: ack.userId ? (staffNames[ack.userId] ?? null) : null, at: ack.at } : null,
  );
  const [first = '', ...rest] = patient.givenName.split(' ');
  const [hcpFirst = '', ...hcpRest] = monitoring.displayName.split(' ');
  const dose = typeof session.dose.doseMg === 'number' ? session.dose.doseMg : null;
  const lot = start && typeof start.data.lot === 'string' ? start.data.lot : undefined;
  const record: RemsMonitoringRecord = {
    formVersion: REMS_FORM_VERSION,
    patient: {
      firstName: first,
      ...(rest.length > 0 ? { middleInitial: (rest[0] ?? '').charAt(0) } : {}),
      lastName: patient.familyName,
      dateOfBirth: patient.birthDate,
      sex: patient.sex === 'male' || patient.sex === 'female' ? patient.sex : 'other',
      firstTreatment,
      enrolled: (session.prechecks as { remsPatientEnrolled?: boolean }).remsPatientEnrolled ?? null,
    },
    concomitantMedication: remsConcomitantMedication(confirmation),
    monitoringHcp: {
      firstName: hcpFirst,
      lastName: hcpRest.join(' '),
      telephone: '',
      email: monitoring.email,
    },
    healthcareSetting: { name: service.name, address1: '', city: '', state: '', zip: '' },
    session: {
      // The date on the clinic's calendar: an evening session in New York is not dated the next (UTC) day.
      treatmentDate: clinicToday(start?.at ?? session.started_at, service.timeZone),
      doseAdministered: dose === 56 ? '56 mg' : dose === 84 ? '84 mg' : 'other',
      ...(lot ? { lotNumber: lot } : {}),
      totalDurationMin: start ? Math.round((end.getTime() - start.at.getTime()) / 60_000) : 0,
    },
    vitalSignsAcceptable: {
      beforeAdministration: preDose.acceptable,
      ...(preDose.note !== null ? { beforeAdministrationNote: preDose.note } : {}),
      beforeEndOfSession: session.discharged_at !== null,
    },
    bloodPressure: {
      beforeAdministration: bp(session.baseline),
      fortyMinutesAfter: fortyMin,
      beforeEndOfSession: bp(vitals.at(-1)?.v),
    },
  };
  return {
    record,
    problems: remsRecordProblems(record),
    concomitantMedicationSuggestion: {
      answers: suggestion,
      limitation: interactionMatcherLimitation,
      confirmed: confirmation
        ? { by: confirmation.confirmedBy, at: confirmation.confirmedAt.toISOString() }
        : null,
    },
  };
}
