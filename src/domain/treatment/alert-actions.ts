// What the protocol suggests doing about an intra-session vital-sign alert, per alert code, with its source.
import type { Certainty } from './problems.ts';
import type { AlertSeverity } from './protocol-types.ts';
import type { VitalAlertCode } from './vitals.ts';

/** One step of a suggested response, as a code (for the record) and words (for the nurse). */
export type AlertActionStep =
  | 'pause-or-stop-infusion'
  | 'withhold-further-dose'
  | 'repeat-reading'
  | 'call-prescriber'
  | 'support-breathing'
  | 'emergency-care-if-symptoms';

export interface SuggestedAction {
  readonly alertCode: VitalAlertCode;
  readonly steps: readonly AlertActionStep[];
  /** The steps in plain words, in order. */
  readonly text: string;
  readonly source: string;
  readonly certainty: Certainty;
}

/** Whether the dose is still running (an infusion can be paused) or given in one go (spray, lozenge, injection). */
export type DoseDelivery = 'infusion' | 'single-dose';

/** The alert code stored on the patient's chart for an intra-session vital alert. */
export type SessionAlertCode = `session-vital-${VitalAlertCode}`;

export function sessionAlertCode(code: VitalAlertCode): SessionAlertCode {
  return `session-vital-${code}`;
}

const STEP_WORDS: Readonly<Record<AlertActionStep, string>> = {
  'pause-or-stop-infusion': 'Pause or stop the infusion',
  'withhold-further-dose': 'Give no further dose this session',
  'repeat-reading': 'repeat the reading',
  'call-prescriber': 'call the prescriber now',
  'support-breathing': 'support the airway and breathing (oxygen, stimulation) per the emergency plan',
  'emergency-care-if-symptoms':
    'if there is chest pain, severe headache, confusion or breathlessness, call for emergency care',
};

const HYPERTENSION =
  'clinic.md §1: stop thresholds of about 180/100 mmHg and HR 110 are attributed to the APA consensus (Sanacora 2017), not confirmed [U]; Yip 2022 [V]: manage by hypertensive urgency/emergency best practice; §2 Spravato PI §5.6: if BP stays high get help promptly, refer hypertensive crisis for emergency care [U].';

const BREATHING =
  'clinic.md §2 REMS [V]: monitor for respiratory depression with pulse oximetry; §3 rescue and emergency readiness [S]: oxygen delivery, ACLS-trained provider, an emergency plan.';

const RISE =
  'clinic.md §2 Spravato label [V]: rises of ≥40/≥25 mmHg in 8–19 % in the first 1.5 h; BP "as clinically warranted until values remain consistent at a safe level".';

const LOW =
  'KASPR [SYN]: clinic.md gives no response to hypotension or bradycardia; hold the dose, repeat the reading and call the prescriber, as for the other urgent alerts.';

const INCOMPLETE = 'KASPR [SYN]: an alert that could not be checked is not reassurance; repeat the reading.';

function stepsFor(code: VitalAlertCode, severity: AlertSeverity, delivery: DoseDelivery): AlertActionStep[] {
  const hold: AlertActionStep = delivery === 'infusion' ? 'pause-or-stop-infusion' : 'withhold-further-dose';
  // A warning is watched, not acted on: the next reading decides.
  if (severity !== 'urgent') return ['repeat-reading'];
  switch (code) {
    case 'spo2':
    case 'respiratory-rate':
      return [hold, 'support-breathing', 'call-prescriber'];
    case 'systolic':
    case 'diastolic':
    case 'systolic-rise':
    case 'diastolic-rise':
      return [hold, 'repeat-reading', 'call-prescriber', 'emergency-care-if-symptoms'];
    case 'heart-rate':
    case 'systolic-low':
    case 'heart-rate-low':
      return [hold, 'repeat-reading', 'call-prescriber'];
    case 'reading-incomplete':
      return ['repeat-reading'];
  }
}

/** Where each alert's suggested response comes from, and how sure that source is. */
const SOURCE_FOR: Readonly<Record<VitalAlertCode, readonly [string, Certainty]>> = {
  systolic: [HYPERTENSION, 'unverified'],
  diastolic: [HYPERTENSION, 'unverified'],
  'heart-rate': [HYPERTENSION, 'unverified'],
  spo2: [BREATHING, 'secondary'],
  'respiratory-rate': [BREATHING, 'secondary'],
  'systolic-rise': [RISE, 'synthesis'],
  'diastolic-rise': [RISE, 'synthesis'],
  'systolic-low': [LOW, 'synthesis'],
  'heart-rate-low': [LOW, 'synthesis'],
  'reading-incomplete': [INCOMPLETE, 'synthesis'],
};

/** Steps in words: "Pause or stop the infusion, repeat the reading and call the prescriber now." */
export function actionText(steps: readonly AlertActionStep[]): string {
  const words = steps.map((s) => STEP_WORDS[s]);
  const last = words.pop() ?? '';
  const sentence = words.length === 0 ? last : `${words.join(', ')} and ${last}`;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/**
 * The suggested response to one alert: for an urgent BP or HR alert, pause or stop the infusion (or give no
 * further dose), repeat the reading and call the prescriber; for low SpO2 or breathing, support breathing too.
 * Warnings suggest repeating the reading. Decision support only: the clinician decides.
 */
export function suggestedAction(
  alert: { readonly code: VitalAlertCode; readonly severity: AlertSeverity },
  delivery: DoseDelivery,
): SuggestedAction {
  const steps = stepsFor(alert.code, alert.severity, delivery);
  const [source, certainty] = SOURCE_FOR[alert.code];
  return { alertCode: alert.code, steps, text: actionText(steps), source, certainty };
}
