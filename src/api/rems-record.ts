// The esketamine REMS Patient Monitoring Form, prefilled from the session record and checked for what is missing.
import {
  interactionFlags,
  mmHg,
  remsRecordProblems,
  REMS_FORM_VERSION,
  type RemsMonitoringRecord,
} from '../domain/treatment/index.ts';
import type { PatientRecord } from '../schemas/patient.ts';
import type { SessionEventRow, SessionRow } from '../store/treatment.ts';
import type { StoredVitals } from './session-vitals.ts';

interface Staff {
  displayName: string;
  email: string;
}

const bp = (v: StoredVitals | undefined) => ({
  systolic: mmHg(v?.systolic ?? Number.NaN),
  diastolic: mmHg(v?.diastolic ?? Number.NaN),
});

/** The form as far as the record can fill it; what it cannot know (setting address, phone) is left blank and listed. */
export function remsDraft(
  session: SessionRow,
  events: readonly SessionEventRow[],
  patient: PatientRecord,
  monitoring: Staff,
  serviceName: string,
  firstTreatment: boolean,
  now: Date,
) {
  const start = events.find((e) => e.kind === 'administration-start');
  const vitals = events
    .filter((e) => e.kind === 'vitals' && e.data.baseline !== true)
    .map((e) => ({ at: e.at, v: e.data as unknown as StoredVitals }));
  const fortyMin = start
    ? vitals.reduce<(typeof vitals)[number] | undefined>((best, x) => {
        const d = Math.abs(x.at.getTime() - start.at.getTime() - 40 * 60_000);
        return best === undefined || d < Math.abs(best.at.getTime() - start.at.getTime() - 40 * 60_000)
          ? x
          : best;
      }, undefined)
    : undefined;
  const end = session.discharged_at ?? now;
  const classes = new Set(interactionFlags(patient.medications.map((m) => m.name)).map((f) => f.classId));
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
    concomitantMedication: {
      benzodiazepines: classes.has('benzodiazepine'),
      nonBenzodiazepineSedativeHypnotics: classes.has('non-benzodiazepine-hypnotic'),
      psychostimulants: classes.has('psychostimulant'),
      maois: classes.has('maoi'),
      opioids: classes.has('opioid'),
    },
    monitoringHcp: {
      firstName: hcpFirst,
      lastName: hcpRest.join(' '),
      telephone: '',
      email: monitoring.email,
    },
    healthcareSetting: { name: serviceName, address1: '', city: '', state: '', zip: '' },
    session: {
      treatmentDate: (start?.at ?? session.started_at).toISOString().slice(0, 10),
      doseAdministered: dose === 56 ? '56 mg' : dose === 84 ? '84 mg' : 'other',
      ...(lot ? { lotNumber: lot } : {}),
      totalDurationMin: start ? Math.round((end.getTime() - start.at.getTime()) / 60_000) : 0,
    },
    vitalSignsAcceptable: { beforeAdministration: true, beforeEndOfSession: session.discharged_at !== null },
    bloodPressure: {
      beforeAdministration: bp(session.baseline),
      fortyMinutesAfter: bp(fortyMin?.v),
      beforeEndOfSession: bp(vitals.at(-1)?.v),
    },
  };
  return { record, problems: remsRecordProblems(record) };
}
