// The start-session form's draft (as typed), the dose it asks the calculator about, and the request it sends.
import type { FieldErrors } from '../api/api-error.ts';
import { localDateTime } from '../ui/local-date.ts';
import { instantOf, missingNumbers, toNumber } from './treatment-input.ts';
import type { DoseCalculationBody, Protocol, SessionSetting, StartSessionBody } from './treatment-types.ts';

/** The yes/no confirmations before dosing, each a gate of the protocol. */
export type StartConfirmation =
  | 'escortConfirmed'
  | 'fastingConfirmed'
  | 'acls'
  | 'prescriberAcknowledgedHighBp'
  | 'chaperonePresent'
  | 'prescriberOnSite'
  | 'remsPatientEnrolled';

export interface StartDraft {
  protocolId: string;
  setting: SessionSetting;
  takenAt: string;
  systolic: string;
  diastolic: string;
  heartRate: string;
  spo2: string;
  respiratoryRate: string;
  dose: string;
  durationMin: string;
  concentration: string;
  reason: string;
  /** A prescriber's sign-in, when the signed-in user is not a prescriber and a prescriber's decision is made. */
  prescriberEmail: string;
  prescriberPassword: string;
  confirmed: Readonly<Record<StartConfirmation, boolean>>;
  /** "Has a new contraindication come to light since screening?": asked apart, unanswered until chosen. */
  newContraindication: NewContraindicationAnswer;
}

/** The answer to the new-contraindication question: '' until the clinician chooses. */
export type NewContraindicationAnswer = 'yes' | 'no' | '';

/** A fresh draft, the baseline timed now. */
export function emptyStartDraft(protocolId: string, now: Date): StartDraft {
  return {
    protocolId,
    setting: 'clinic',
    takenAt: localDateTime(now),
    systolic: '',
    diastolic: '',
    heartRate: '',
    spo2: '',
    respiratoryRate: '',
    dose: '',
    durationMin: '',
    concentration: '',
    reason: '',
    prescriberEmail: '',
    prescriberPassword: '',
    confirmed: {
      escortConfirmed: false,
      fastingConfirmed: false,
      acls: false,
      prescriberAcknowledgedHighBp: false,
      chaperonePresent: false,
      prescriberOnSite: false,
      remsPatientEnrolled: false,
    },
    newContraindication: '',
  };
}

/** True when the baseline typed is above the protocol's pre-dose threshold (a prescriber must acknowledge it). */
export function baselineAboveThreshold(draft: StartDraft, protocol: Protocol): boolean {
  const systolic = toNumber(draft.systolic);
  const diastolic = toNumber(draft.diastolic);
  const { systolicAbove, diastolicAbove } = protocol.preDose;
  return (
    (systolic !== undefined && systolic > systolicAbove.value) ||
    (diastolic !== undefined && diastolic > diastolicAbove.value)
  );
}

/** True when the draft makes a prescriber's decision: a high-BP acknowledgement (when shown) or an escalation reason. */
export function makesPrescriberDecision(draft: StartDraft, highBp: boolean): boolean {
  return (highBp && draft.confirmed.prescriberAcknowledgedHighBp) || draft.reason.trim() !== '';
}

/** The dose as the calculator takes it: mg/kg for weight-based protocols, else mg; blanks left out. */
export function doseOf(draft: StartDraft, weightBased: boolean): StartSessionBody['dose'] {
  const dose = toNumber(draft.dose);
  const durationMin = toNumber(draft.durationMin);
  const concentrationMgPerMl = toNumber(draft.concentration);
  return {
    ...(dose !== undefined ? (weightBased ? { mgPerKg: dose } : { doseMg: dose }) : {}),
    ...(durationMin !== undefined ? { durationMin } : {}),
    ...(concentrationMgPerMl !== undefined ? { concentrationMgPerMl } : {}),
    ...(draft.reason.trim() ? { prescriberReason: draft.reason.trim() } : {}),
  };
}

/** The live preview's request (the chart's dated weight), or null until a dose is entered. */
export function previewRequest(
  draft: StartDraft,
  weightBased: boolean,
  patientId: string,
): DoseCalculationBody | null {
  if (toNumber(draft.dose) === undefined || !draft.protocolId) return null;
  return { protocol: draft.protocolId, patientId, ...doseOf(draft, weightBased) };
}

/** The request, or the missing baseline and dose keyed by request path. */
export function startRequest(
  draft: StartDraft,
  weightBased: boolean,
  userId: string,
  canPrescribe: boolean,
  highBp: boolean,
): { ok: true; body: StartSessionBody } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = missingNumbers([
    ['baseline.systolic', draft.systolic, 'Enter the systolic BP'],
    ['baseline.diastolic', draft.diastolic, 'Enter the diastolic BP'],
    ['baseline.heartRate', draft.heartRate, 'Enter the heart rate'],
    ['baseline.spo2', draft.spo2, 'Enter the SpO2'],
    [weightBased ? 'dose.mgPerKg' : 'dose.doseMg', draft.dose, 'Enter the dose'],
  ]);
  const takenAt = instantOf(draft.takenAt);
  if (!takenAt) errors['baseline.takenAt'] = 'Enter when the baseline was taken';
  if (draft.newContraindication === '')
    errors.newContraindication = 'Answer whether a new contraindication has come to light since screening';
  const signIn = !canPrescribe && makesPrescriberDecision(draft, highBp);
  if (signIn && (!draft.prescriberEmail.trim() || !draft.prescriberPassword))
    errors.prescriber = "Only a prescriber may make this decision: enter the prescriber's email and password";
  const [systolic, diastolic, heartRate, spo2] = [
    draft.systolic,
    draft.diastolic,
    draft.heartRate,
    draft.spo2,
  ].map(toNumber);
  const respiratoryRate = toNumber(draft.respiratoryRate);
  if (
    Object.keys(errors).length > 0 ||
    !takenAt ||
    systolic === undefined ||
    diastolic === undefined ||
    heartRate === undefined ||
    spo2 === undefined
  )
    return { ok: false, errors };
  const c = draft.confirmed;
  return {
    ok: true,
    body: {
      protocol: draft.protocolId,
      setting: draft.setting,
      baseline: {
        takenAt,
        systolic,
        diastolic,
        heartRate,
        spo2,
        ...(respiratoryRate !== undefined ? { respiratoryRate } : {}),
      },
      dose: doseOf(draft, weightBased),
      escortConfirmed: c.escortConfirmed,
      fastingConfirmed: c.fastingConfirmed,
      newContraindication: draft.newContraindication === 'yes',
      ...(c.acls ? { aclsClinicianId: userId } : {}),
      // Sent only while the baseline is above the threshold, when the box is on screen.
      prescriberAcknowledgedHighBp: highBp && c.prescriberAcknowledgedHighBp,
      chaperonePresent: c.chaperonePresent,
      prescriberOnSite: c.prescriberOnSite,
      remsPatientEnrolled: c.remsPatientEnrolled,
      // The first session of a course is read from the patient's history on the server, not asked here.
      ...(signIn
        ? { prescriber: { email: draft.prescriberEmail.trim(), password: draft.prescriberPassword } }
        : {}),
    },
  };
}
