// Checks before dosing: every gate that must be satisfied, each block with its reason and source.
import { isValidInstant, minutesBetween } from '../core/calendar.ts';
import type { Protocol } from './protocol.ts';
import { defaultPreDoseLimits } from './protocol-common.ts';
import { parenteralRoutes, type Route, type SessionSetting } from './protocol-types.ts';
import { pregnancyCautions, type PregnancyGateCode, type PregnancyStatus } from './pregnancy.ts';
import { isAbove } from './rounding.ts';
import type { VitalSigns } from './vitals.ts';

/** Why a session may not start yet. */
export type GateCode =
  | 'consent-required'
  | 'eligibility-not-signed'
  | 'baseline-vitals-missing'
  | 'bp-above-threshold-needs-acknowledgement'
  | 'bp-above-absolute-ceiling'
  | 'prescriber-authorisation-required'
  | 'session-already-open'
  | 'session-interval-too-short'
  | 'escort-not-confirmed'
  | 'fasting-not-confirmed'
  | 'new-contraindication'
  | 'acls-clinician-required'
  | 'prescriber-on-site-required'
  | 'rems-enrolment-required'
  | 'parenteral-route-needs-clinic'
  | 'setting-not-allowed'
  | 'chaperone-required'
  | PregnancyGateCode;

/** One unmet gate. */
export interface GateBlock {
  readonly code: GateCode;
  readonly text: string;
  readonly source: string;
}

/** What is known before dosing. Optional yes/no answers left out count as "no". */
export interface SessionPreCheckInput {
  readonly protocol: Protocol;
  readonly consent: { readonly active: boolean; readonly route: Route } | null;
  /** The latest eligibility: signed, and the pregnancy status recorded on its checklist. */
  readonly eligibility: { readonly signed: boolean; readonly pregnancyStatus?: PregnancyStatus } | null;
  readonly baseline: VitalSigns | null;
  readonly now: Date;
  readonly escortConfirmed: boolean;
  readonly fastingConfirmed: boolean;
  readonly newContraindication: boolean;
  readonly aclsClinicianPresent: boolean;
  readonly prescriberAcknowledgedHighBp?: boolean;
  /** True when the acknowledgement comes from an authenticated user holding `treatment:prescribe`. */
  readonly acknowledgedByPrescriber?: boolean;
  readonly setting: SessionSetting;
  readonly chaperonePresent?: boolean;
  /** Esketamine REMS: a prescriber on site during administration and monitoring. */
  readonly prescriberOnSite?: boolean;
  /** Esketamine REMS: the patient is enrolled. */
  readonly remsPatientEnrolled?: boolean;
}

/** The result: ok only when nothing blocks. */
export interface SessionPreCheck {
  readonly ok: boolean;
  readonly blocks: readonly GateBlock[];
  /** Cautions that do not block (pregnancy recorded at eligibility); absent when there are none. */
  readonly cautions?: readonly GateBlock[];
}

const ASKP = 'ASKP Basics of Administration (seeds/001)';

function baselineBlocks(input: SessionPreCheckInput): GateBlock[] {
  const { protocol, baseline, now } = input;
  const maxAge = protocol.preDose.baselineMaxAge;
  const missing = (text: string): GateBlock[] => [
    { code: 'baseline-vitals-missing', text, source: maxAge.source },
  ];
  if (baseline === null) return missing('No baseline vital signs are recorded for this session.');
  const numbers = [baseline.systolic, baseline.diastolic, baseline.heartRate, baseline.spo2];
  if (!numbers.every(Number.isFinite))
    return missing('The baseline is incomplete: BP, heart rate and SpO2 are all needed.');
  if (!isValidInstant(baseline.takenAt) || !isValidInstant(now))
    return missing('The baseline has no valid time.');
  const age = minutesBetween(baseline.takenAt, now);
  if (age < 0) return missing('The baseline is timed after now; check the clock or the entry.');
  if (age > maxAge.value) {
    return missing(
      `The baseline was taken ${Math.floor(age)} min ago; this protocol needs one within ${maxAge.value} min of dosing.`,
    );
  }
  const { systolicAbove: sys, diastolicAbove: dia } = protocol.preDose;
  const sysCeiling = protocol.preDose.systolicCeiling ?? defaultPreDoseLimits.systolicCeiling;
  const diaCeiling = protocol.preDose.diastolicCeiling ?? defaultPreDoseLimits.diastolicCeiling;
  if (baseline.systolic >= sysCeiling.value || baseline.diastolic >= diaCeiling.value) {
    return [
      {
        code: 'bp-above-absolute-ceiling',
        text: `Pre-dose BP ${baseline.systolic}/${baseline.diastolic} mmHg is at or above ${sysCeiling.value}/${diaCeiling.value}: no dose today, whoever acknowledges it. Treat as a hypertensive urgency.`,
        source: sysCeiling.source,
      },
    ];
  }
  const high = isAbove(baseline.systolic, sys.value) || isAbove(baseline.diastolic, dia.value);
  if (high && input.prescriberAcknowledgedHighBp === true && input.acknowledgedByPrescriber !== true) {
    return [
      {
        code: 'prescriber-authorisation-required',
        text: `Pre-dose BP ${baseline.systolic}/${baseline.diastolic} mmHg is above ${sys.value}/${dia.value}: only a prescriber may acknowledge it. Sign in as a prescriber, or send the prescriber's sign-in in "prescriber" ({ email, password }).`,
        source: sys.source,
      },
    ];
  }
  if (high && input.prescriberAcknowledgedHighBp !== true) {
    return [
      {
        code: 'bp-above-threshold-needs-acknowledgement',
        text: `Pre-dose BP ${baseline.systolic}/${baseline.diastolic} mmHg is above ${sys.value}/${dia.value}: a prescriber must weigh the risk and acknowledge it before dosing.`,
        source: sys.source,
      },
    ];
  }
  return [];
}

function settingBlocks(input: SessionPreCheckInput): GateBlock[] {
  const { protocol, setting } = input;
  if (setting !== 'clinic' && parenteralRoutes.includes(protocol.route)) {
    return [
      {
        code: 'parenteral-route-needs-clinic',
        text: `Route ${protocol.route} is given only in a clinic session, not ${setting}.`,
        source: `${ASKP} tenet 8: no medically unsupervised parenteral ketamine.`,
      },
    ];
  }
  if (!protocol.sessions.allowed.includes(setting)) {
    return [
      {
        code: 'setting-not-allowed',
        text: `Protocol ${protocol.id} allows ${protocol.sessions.allowed.join(', ')} sessions, not ${setting}.`,
        source: protocol.sessions.source,
      },
    ];
  }
  const chaperone = protocol.sessions.chaperoneAwayFromClinic;
  if (setting !== 'clinic' && chaperone.required && input.chaperonePresent !== true) {
    return [
      {
        code: 'chaperone-required',
        text: `A ${setting} session needs a chaperone physically present with the patient.`,
        source: chaperone.source,
      },
    ];
  }
  return [];
}

/** Every gate before dosing: consent, eligibility, baseline and BP, preparation, staff and setting. */
export function sessionPreChecks(input: SessionPreCheckInput): SessionPreCheck {
  const { protocol, consent } = input;
  const { preparation, staffing } = protocol;
  const blocks: GateBlock[] = [];
  const block = (when: boolean, code: GateCode, text: string, source: string) => {
    if (when) blocks.push({ code, text, source });
  };
  block(
    consent === null || !consent.active || consent.route !== protocol.route,
    'consent-required',
    consent?.active && consent.route !== protocol.route
      ? `The active consent covers ${consent.route}, not ${protocol.route}.`
      : 'There is no active consent for this treatment.',
    `${ASKP} tenet 4: appropriate consent for off-label use; clinic.md §1 (APA, authors' reply [V]): consent includes the dose used; §7.2.`,
  );
  block(
    input.eligibility?.signed !== true,
    'eligibility-not-signed',
    'The eligibility assessment has not been signed.',
    `${ASKP} tenets 1–3: screened, full history and physical, medications and allergies; clinic.md §1 APA pre-procedural evaluation [V].`,
  );
  block(
    input.newContraindication,
    'new-contraindication',
    'A new contraindication has been reported since eligibility was signed: review before dosing.',
    'clinic.md §2 label contraindications [V]; §3 ASRA contraindications [V]; §7.1 screening record.',
  );
  blocks.push(...settingBlocks(input), ...baselineBlocks(input));
  block(
    preparation.escort.required && input.setting === 'clinic' && !input.escortConfirmed,
    'escort-not-confirmed',
    'No escort or transport home is confirmed.',
    preparation.escort.source,
  );
  block(
    preparation.fasting.required && !input.fastingConfirmed,
    'fasting-not-confirmed',
    `Fasting is not confirmed: ${preparation.fasting.instructions}`,
    preparation.fasting.source,
  );
  block(
    // ACLS is asked of clinic sessions (ASKP tenet 6); away from the clinic the chaperone rule applies.
    staffing.aclsClinician.required && input.setting === 'clinic' && !input.aclsClinicianPresent,
    'acls-clinician-required',
    'An ACLS-credentialed clinician must be present during administration.',
    staffing.aclsClinician.source,
  );
  block(
    staffing.prescriberOnSite.required && input.prescriberOnSite !== true,
    'prescriber-on-site-required',
    'A prescriber must be on site during administration and monitoring.',
    staffing.prescriberOnSite.source,
  );
  block(
    staffing.remsEnrolment.required && input.remsPatientEnrolled !== true,
    'rems-enrolment-required',
    'The patient is not confirmed as enrolled in the REMS.',
    staffing.remsEnrolment.source,
  );
  const cautions = pregnancyCautions(input.eligibility?.pregnancyStatus);
  return { ok: blocks.length === 0, blocks, ...(cautions.length > 0 ? { cautions } : {}) };
}

/**
 * A dose above the usual range carries a prescriber's reason: refused unless it comes from an authenticated
 * user holding `treatment:prescribe` (review 2026-12 §6 item 2).
 */
export function prescriberReasonBlock(
  dose: { readonly prescriberReason?: string | undefined },
  byPrescriber: boolean,
): GateBlock | null {
  if (dose.prescriberReason === undefined || dose.prescriberReason.trim() === '' || byPrescriber) return null;
  return {
    code: 'prescriber-authorisation-required',
    text: 'A dose above the usual range needs a prescriber\'s reason from a prescriber: sign in as one, or send the prescriber\'s sign-in in "prescriber" ({ email, password }).',
    source:
      'Clinic safety review 2026-12 §6 item 2: tie the escalation reason to a user holding treatment:prescribe.',
  };
}
