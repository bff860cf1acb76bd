// The start-session form's draft (as typed), the dose it asks the calculator about, and the request it sends.
import type { FieldErrors } from '../api/api-error.ts';
import { localDateTime } from '../ui/local-date.ts';
import { instantOf, missingNumbers, toNumber } from './treatment-input.ts';
import type { DoseCalculationBody, SessionSetting, StartSessionBody } from './treatment-types.ts';

/** The yes/no confirmations before dosing, each a gate of the protocol (or a fact about the course). */
export type StartConfirmation =
  | 'escortConfirmed'
  | 'fastingConfirmed'
  | 'newContraindication'
  | 'acls'
  | 'prescriberAcknowledgedHighBp'
  | 'chaperonePresent'
  | 'prescriberOnSite'
  | 'remsPatientEnrolled'
  | 'firstSession';

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
  confirmed: Readonly<Record<StartConfirmation, boolean>>;
}

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
    confirmed: {
      escortConfirmed: false,
      fastingConfirmed: false,
      newContraindication: false,
      acls: false,
      prescriberAcknowledgedHighBp: false,
      chaperonePresent: false,
      prescriberOnSite: false,
      remsPatientEnrolled: false,
      firstSession: false,
    },
  };
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
      newContraindication: c.newContraindication,
      ...(c.acls ? { aclsClinicianId: userId } : {}),
      prescriberAcknowledgedHighBp: c.prescriberAcknowledgedHighBp,
      chaperonePresent: c.chaperonePresent,
      prescriberOnSite: c.prescriberOnSite,
      remsPatientEnrolled: c.remsPatientEnrolled,
      // Left out unless ticked: the esketamine calculator then asks to confirm the first dose was given.
      ...(c.firstSession ? { firstSession: true } : {}),
    },
  };
}
