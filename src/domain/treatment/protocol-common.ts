// Builders and the defaults the shipped protocols share (weight limits, pre-dose BP, alerts, discharge vitals).
import type { DischargeRule, PreDoseRule, WeightRule } from './protocol.ts';
import type {
  AlertSeverity,
  AlertThreshold,
  AlertThresholds,
  Comparator,
  ProtocolValue,
  Requirement,
  ValueUnit,
} from './protocol-types.ts';
import type { Certainty } from './problems.ts';

/** A number read directly from a source. */
export function fact<U extends ValueUnit>(
  value: number,
  unit: U,
  source: string,
  certainty: Certainty = 'verified',
): ProtocolValue<U> {
  return { value, unit, basis: 'fact', source, certainty };
}

/** A default a clinic may change, shown with where it came from. */
export function setting<U extends ValueUnit>(
  value: number,
  unit: U,
  source: string,
  certainty: Certainty,
): ProtocolValue<U> {
  return { value, unit, basis: 'setting', source, certainty };
}

/** A yes/no rule with its source. */
export function rule(
  required: boolean,
  basis: 'fact' | 'setting',
  source: string,
  certainty: Certainty,
): Requirement {
  return { required, basis, source, certainty };
}

/** An alert threshold (always a setting: clinic.md §1, Yip 2022 — make BP thresholds configurable). */
export function alertAt<U extends ValueUnit>(
  comparator: Comparator,
  value: number,
  unit: U,
  severity: AlertSeverity,
  source: string,
  certainty: Certainty,
): AlertThreshold<U> {
  return { comparator, value, unit, severity, basis: 'setting', source, certainty };
}

export const ASKP = 'ASKP Basics of Administration (seeds/001; clinic.md §3 "ASKP text")';

/** Weight limits for weight-based doses; clinic.md gives none, so all three are KASPR settings. */
export const defaultWeightRule: WeightRule = {
  maxAge: setting(
    30,
    'days',
    'KASPR setting [SYN]: clinic.md gives no limit on how old a weight may be; 30 days keeps mg/kg doses on a recent weight.',
    'synthesis',
  ),
  plausibleMin: setting(
    30,
    'kg',
    'KASPR setting [SYN]: clinic.md gives no range; an adult lower bound that catches entry errors.',
    'synthesis',
  ),
  plausibleMax: setting(
    350,
    'kg',
    'KASPR setting [SYN]: clinic.md gives no range; an upper bound that catches lb or g entered as kg.',
    'synthesis',
  ),
};

const PRE_DOSE_BP =
  'clinic.md §2: Spravato PI general guide, pre-dose BP >140 systolic or >90 diastolic → weigh risk and benefit [S, droracle quoting the PI]; §1: one clinic gives no treatment that day above 140/90 [V, acceleratedpsychiatry.com]; the APA attribution is unconfirmed [U]; §7.3 default "pre-dose >140/90 warn".';

const PRE_DOSE_CEILING =
  'clinic-safety review 2026-12 §6 item 2: an absolute pre-dose ceiling, e.g. ≥180/110 → hard block, configurable; clinic.md §1: about 180/100 is attributed to the APA consensus as a stop threshold [U]; §2: do not dose if a rise in BP poses a serious risk [S]; Yip 2022 [V]: follow hypertensive urgency practice and make thresholds configurable.';

const MIN_INTERVAL =
  'KASPR setting [SYN]: clinic.md §1 IV course 2 or 3 times a week [S]; §2 Spravato induction twice a week [V]. At most 3 a week means about 48 h apart; a session sooner is flagged (warning by default).';

/** The absolute pre-dose BP ceiling and the minimum interval between sessions (used when a protocol has none). */
export const defaultPreDoseLimits = {
  systolicCeiling: setting(180, 'mmHg', PRE_DOSE_CEILING, 'unverified'),
  diastolicCeiling: setting(110, 'mmHg', PRE_DOSE_CEILING, 'unverified'),
  minIntervalHours: setting(48, 'h', MIN_INTERVAL, 'synthesis'),
  minIntervalRefuses: rule(false, 'setting', MIN_INTERVAL, 'synthesis'),
} as const satisfies Required<Omit<PreDoseRule, 'systolicAbove' | 'diastolicAbove' | 'baselineMaxAge'>>;

/** Pre-dose BP needing a prescriber's acknowledgement, the absolute ceiling, baseline age and session interval. */
export const defaultPreDoseRule: PreDoseRule = {
  systolicAbove: setting(140, 'mmHg', PRE_DOSE_BP, 'secondary'),
  diastolicAbove: setting(90, 'mmHg', PRE_DOSE_BP, 'secondary'),
  baselineMaxAge: setting(
    60,
    'min',
    'KASPR setting [SYN]: clinic.md asks for a baseline BP (§1, APA summary [S]) but gives no window; baseline from the same visit, within 60 min.',
    'synthesis',
  ),
  ...defaultPreDoseLimits,
};

const STOP_THRESHOLDS =
  'clinic.md §1: stop thresholds of about 180/100 mmHg and HR about 110 bpm are sometimes attributed to the APA consensus (Sanacora 2017), not confirmed [U]; Yip 2022 [V]: make thresholds configurable.';

const RISE =
  'clinic.md §2 Spravato label: 8–19% had a rise of ≥40 mmHg systolic and/or ≥25 mmHg diastolic in the first 1.5 h [V]';

const LOW_BP =
  'KASPR setting [SYN]: clinic.md gives no hypotension figure (§3 lists the adverse events to code; §7.3 intra-session thresholds are set by the clinic); systolic below 90 mmHg is the conventional adult definition of hypotension. Confirm locally.';

const LOW_HR =
  'KASPR setting [SYN]: clinic.md gives no bradycardia figure (§7.3 intra-session thresholds are set by the clinic); ketamine usually raises the heart rate, so a rate below 50 bpm is unexpected and alerts. Confirm locally.';

/** Intra-session alert thresholds; `riseCertainty` is 'verified' for esketamine, 'synthesis' by analogy otherwise. */
export function defaultAlerts(riseCertainty: Certainty): AlertThresholds {
  const riseSource =
    riseCertainty === 'verified'
      ? `${RISE}; used here as an alert threshold.`
      : `${RISE} for esketamine; applied to this route by analogy [SYN].`;
  return {
    systolic: alertAt('>=', 180, 'mmHg', 'urgent', STOP_THRESHOLDS, 'unverified'),
    diastolic: alertAt('>=', 100, 'mmHg', 'urgent', STOP_THRESHOLDS, 'unverified'),
    heartRate: alertAt('>=', 110, 'bpm', 'urgent', STOP_THRESHOLDS, 'unverified'),
    systolicLow: alertAt('<', 90, 'mmHg', 'urgent', LOW_BP, 'synthesis'),
    heartRateLow: alertAt('<', 50, 'bpm', 'urgent', LOW_HR, 'synthesis'),
    spo2: alertAt(
      '<',
      94,
      '%',
      'urgent',
      'KASPR setting [SYN]: clinic.md gives no SpO2 floor; pulse oximetry at every session and respiratory depression are label and REMS concerns (§2 [V]); 94% matches the discharge default.',
      'synthesis',
    ),
    respiratoryRate: alertAt(
      '<',
      10,
      'breaths/min',
      'urgent',
      'KASPR setting [SYN]: clinic.md gives no respiratory-rate figure; a conventional adult lower limit for respiratory depression (§2 REMS goal [V]). Confirm locally.',
      'synthesis',
    ),
    systolicRise: alertAt('>=', 40, 'mmHg', 'warning', riseSource, riseCertainty),
    diastolicRise: alertAt('>=', 25, 'mmHg', 'warning', riseSource, riseCertainty),
  };
}

/** The discharge rules every shipped protocol shares; each protocol adds observation, escort and driving. */
export const sharedDischarge: Pick<DischargeRule, 'vitalsTolerance' | 'spo2Min' | 'alertAndOriented'> = {
  vitalsTolerance: setting(
    15,
    '%',
    `KASPR setting [SYN]: ${ASKP} tenet 6 — vital signs return to pre-administration values before discharge; RCEM checklist (clinic.md §3 [V]) — back to baseline. Neither gives a tolerance; ±15% of baseline is KASPR's default for SBP, DBP and HR.`,
    'synthesis',
  ),
  spo2Min: setting(
    94,
    '%',
    'KASPR setting [SYN]: RCEM checklist (clinic.md §3 [V]) — vital signs at baseline with no extra oxygen needed; no figure given.',
    'synthesis',
  ),
  alertAndOriented: rule(
    true,
    'fact',
    'clinic.md §3 RCEM procedural-sedation discharge checklist: alert and orientated [V].',
    'verified',
  ),
};

/**
 * The safety defaults every shipped protocol carries: intra-session alerts (their rise thresholds as sure as
 * `riseCertainty`), the weight rule and the pre-dose check.
 */
export function sharedSafety(riseCertainty: Certainty): {
  alerts: AlertThresholds;
  weight: WeightRule;
  preDose: PreDoseRule;
} {
  return { alerts: defaultAlerts(riseCertainty), weight: defaultWeightRule, preDose: defaultPreDoseRule };
}

/** No REMS enrolment: the REMS applies to Spravato (esketamine) only (clinic.md §2). */
export const noRemsForRacemic = rule(
  false,
  'fact',
  'clinic.md §2: the REMS applies to Spravato (esketamine) only.',
  'verified',
);

/**
 * Fasting before a racemic dose: clinic.md gives no rule, so the Spravato preparation rule (§2: ≥2 h no food,
 * ≥30 min no liquids) is applied by analogy; `source` says why for the protocol at hand.
 */
export function fastingLikeSpravato(source: string): Requirement & { readonly instructions: string } {
  return {
    ...rule(true, 'setting', source, 'synthesis'),
    instructions: 'No food for at least 2 hours and no liquids for at least 30 minutes before dosing.',
  };
}
