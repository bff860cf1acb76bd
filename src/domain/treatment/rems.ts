// Spravato REMS Patient Monitoring Form: the record's fields (clinic.md §2), its required-field check and 7-day tracker.
import { addMinutes, isValidInstant, parseIsoDate } from '../core/calendar.ts';
import type { TreatmentProblem } from './problems.ts';
import type { MmHg } from './units.ts';

/** Form version the fields follow (Janssen © 11/2021); get the current PDF before relying on it (clinic.md §2, §8). */
export const REMS_FORM_VERSION = '2021-11';

/** A blood pressure reading on the form. */
export interface FormBloodPressure {
  readonly systolic: MmHg;
  readonly diastolic: MmHg;
}

/** The Patient Monitoring Form for one outpatient session. Optional fields are not asterisked on the form. */
export interface RemsMonitoringRecord {
  readonly formVersion: typeof REMS_FORM_VERSION;
  readonly patient: {
    readonly firstName: string;
    readonly middleInitial?: string;
    readonly lastName: string;
    /** 'YYYY-MM-DD' (the form prints MM/DD/YYYY). */
    readonly dateOfBirth: string;
    readonly sex: 'male' | 'female' | 'other';
    readonly firstTreatment: boolean;
    /** Asked when this is the first treatment. */
    readonly enrolled: boolean | null;
  };
  /**
   * Y/N for each, as confirmed by staff; null until a person confirms it (a name matcher never answers it).
   * Opioids appear only in the video version of the form.
   */
  readonly concomitantMedication: {
    readonly benzodiazepines: boolean | null;
    readonly nonBenzodiazepineSedativeHypnotics: boolean | null;
    readonly psychostimulants: boolean | null;
    readonly maois: boolean | null;
    readonly opioids?: boolean | null;
  };
  readonly monitoringHcp: {
    readonly firstName: string;
    readonly lastName: string;
    readonly telephone: string;
    readonly email: string;
  };
  readonly healthcareSetting: {
    readonly name: string;
    readonly address1: string;
    readonly address2?: string;
    readonly city: string;
    readonly state: string;
    readonly zip: string;
  };
  readonly session: {
    /** 'YYYY-MM-DD'. */
    readonly treatmentDate: string;
    readonly doseAdministered: '56 mg' | '84 mg' | 'other';
    readonly lotNumber?: string;
    /** From the 1st device to the completion of monitoring; must be at least 120. */
    readonly totalDurationMin: number;
  };
  /** "If there was not a 2-hour minimum monitoring requirement, when would this patient have been ready to leave?" */
  readonly readyToLeaveMinutes?: number;
  readonly vitalSignsAcceptable: {
    readonly beforeAdministration: boolean;
    /** Why "before administration" is No, e.g. the prescriber's acknowledgement of a high pre-dose BP. */
    readonly beforeAdministrationNote?: string;
    readonly beforeEndOfSession: boolean;
  };
  readonly bloodPressure: {
    readonly beforeAdministration: FormBloodPressure;
    /** The reading inside the 40-minute window only; null (left blank) when there is none. */
    readonly fortyMinutesAfter: FormBloodPressure | null;
    readonly beforeEndOfSession: FormBloodPressure;
  };
  /** The form's adverse-effect questions are cut off in the source [U]: recorded as free answers. */
  readonly adverseEffects?: Readonly<Record<string, boolean>>;
}

const SOURCE_MINIMUM = 120;

/** Problems that stop the form being signed: blank required fields, bad dates, under 2 h, not enrolled. */
export function remsRecordProblems(record: RemsMonitoringRecord): readonly TreatmentProblem[] {
  const p: TreatmentProblem[] = [];
  const required: readonly [string, string][] = [
    ['patient.firstName', record.patient.firstName],
    ['patient.lastName', record.patient.lastName],
    ['monitoringHcp.firstName', record.monitoringHcp.firstName],
    ['monitoringHcp.lastName', record.monitoringHcp.lastName],
    ['monitoringHcp.telephone', record.monitoringHcp.telephone],
    ['monitoringHcp.email', record.monitoringHcp.email],
    ['healthcareSetting.name', record.healthcareSetting.name],
    ['healthcareSetting.address1', record.healthcareSetting.address1],
    ['healthcareSetting.city', record.healthcareSetting.city],
    ['healthcareSetting.state', record.healthcareSetting.state],
    ['healthcareSetting.zip', record.healthcareSetting.zip],
  ];
  for (const [path, value] of required) {
    if (value.trim() === '') p.push({ code: 'empty', path, text: `${path} is required on the REMS form.` });
  }
  for (const [path, value] of [
    ['patient.dateOfBirth', record.patient.dateOfBirth],
    ['session.treatmentDate', record.session.treatmentDate],
  ] as const) {
    if (parseIsoDate(value) === undefined)
      p.push({ code: 'invalid-date', path, text: `${path} must be a real date.` });
  }
  if (!(record.session.totalDurationMin >= SOURCE_MINIMUM)) {
    p.push({
      code: 'out-of-range',
      path: 'session.totalDurationMin',
      text: `Total treatment duration must be at least 2 h (${SOURCE_MINIMUM} min); got ${record.session.totalDurationMin}.`,
    });
  }
  for (const [field, value] of Object.entries(record.concomitantMedication)) {
    if (value === null)
      p.push({
        code: 'missing-field',
        path: `concomitantMedication.${field}`,
        text: `Concomitant medication (${field}) is not confirmed: a person must answer it from the medication list.`,
      });
  }
  if (record.bloodPressure.fortyMinutesAfter === null)
    p.push({
      code: 'missing-field',
      path: 'bloodPressure.fortyMinutesAfter',
      text: 'No blood pressure was recorded in the 40-minute window (30–50 min after the first device): the field is left blank rather than filled from another reading.',
    });
  if (record.patient.firstTreatment && record.patient.enrolled !== true) {
    p.push({
      code: 'missing-field',
      path: 'patient.enrolled',
      text: 'First treatment: submit the Patient Enrollment Form before treatment.',
    });
  }
  return p;
}

const SUBMIT_WITHIN_DAYS = 7;

/** When the form must be submitted: 7 days after the session (clinic.md §2 [V]), counted as 7 × 24 h. */
export function remsSubmissionDue(dosedAt: Date): Date {
  return addMinutes(dosedAt, SUBMIT_WITHIN_DAYS * 24 * 60);
}

/** Submitted, due (with time left) or overdue, for the 7-day banner. */
export function remsSubmissionStatus(
  dosedAt: Date,
  now: Date,
  submittedAt: Date | null,
): {
  readonly dueAt: Date;
  readonly status: 'submitted' | 'due' | 'overdue' | 'invalid-time';
  readonly hoursLeft: number;
} {
  const dueAt = remsSubmissionDue(dosedAt);
  if (!isValidInstant(dosedAt) || !isValidInstant(now))
    return { dueAt, status: 'invalid-time', hoursLeft: 0 };
  const hoursLeft = Math.floor((dueAt.getTime() - now.getTime()) / 3_600_000);
  if (submittedAt !== null) return { dueAt, status: 'submitted', hoursLeft };
  return { dueAt, status: now.getTime() > dueAt.getTime() ? 'overdue' : 'due', hoursLeft };
}
