// Discharge after a session: vitals back near baseline, observation time, orientation, escort, and driving.
import { bpCheckpointsDue, bpCheckpointWindow, readingForCheckpoint } from './bp-checkpoint.ts';
import { addMinutes, isValidInstant, minutesBetween } from '../core/calendar.ts';
import { startOfNextDayInZone } from '../core/zoned.ts';
import type { Protocol } from './protocol.ts';
import type { SessionSetting } from './protocol-types.ts';
import { fmt, isAbove, isBelow } from './rounding.ts';
import { vitalAlerts, type VitalSigns } from './vitals.ts';

/** A discharge condition not yet met. */
export type DischargeCode =
  | 'vitals-missing'
  | 'vitals-not-after-administration'
  | 'vitals-not-at-baseline'
  | 'vitals-at-urgent-threshold'
  | 'spo2-below-minimum'
  | 'observation-period-not-met'
  | 'not-alert-and-oriented'
  | 'escort-not-present'
  | 'effects-not-resolved'
  | 'times-invalid'
  | 'administration-end-not-recorded'
  | 'bp-checkpoint-missing';

/** One unmet condition, with its source. */
export interface DischargeUnmet {
  readonly code: DischargeCode;
  readonly text: string;
  readonly source: string;
}

/** What is known at the moment of the discharge decision. */
export interface DischargeInput {
  readonly protocol: Protocol;
  readonly baseline: VitalSigns | null;
  readonly latestVitals: VitalSigns | null;
  /**
   * End of the infusion, or the last esketamine device or lozenge; null when no end is recorded. An infused
   * route cannot be discharged without it; for the others (a bolus, devices, a lozenge) dosing is its end.
   */
  readonly administrationEndedAt: Date | null;
  /** Start of dosing (first device for esketamine). */
  readonly dosedAt: Date;
  readonly now: Date;
  readonly alertAndOriented: boolean;
  readonly escortPresent: boolean;
  /** Esketamine REMS: sedation, dissociation and respiratory depression have resolved. */
  readonly effectsResolved?: boolean;
  /** Where the session took place; the escort rule applies to clinic sessions. Default 'clinic'. */
  readonly setting?: SessionSetting;
  /**
   * The service's IANA time zone: "the next day" (esketamine) starts at the clinic's local midnight, found for
   * that night's offset. Required, so no caller falls back to UTC's day.
   */
  readonly timeZone: string;
  /** Every reading after dosing started, for the protocol's fixed BP checks; default: the latest reading only. */
  readonly postDoseVitals?: readonly VitalSigns[];
  /** Why a fixed BP check has no reading in its window (e.g. the patient was asleep); recorded, never guessed. */
  readonly bpCheckpointMissedReason?: string;
}

/** A fixed BP check of the protocol and the reading that counts for it (null: none in its window). */
export interface BpCheckpointResult {
  readonly checkpointMin: number;
  readonly dueAt: Date;
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly reading: VitalSigns | null;
  /** The reason given for a missing reading, or null. */
  readonly missedReason: string | null;
}

/** The decision: ok only when nothing is unmet; when observation ends; when driving may resume. */
export interface DischargeResult {
  readonly ok: boolean;
  readonly unmet: readonly DischargeUnmet[];
  readonly earliestDischargeAt: Date;
  readonly noDrivingUntil: Date;
  readonly noDrivingRule: string;
  /** The protocol's fixed BP checks (esketamine: about 40 min), each with the reading that counts. */
  readonly bpCheckpoints: readonly BpCheckpointResult[];
}

function vitalsUnmet(input: DischargeInput, administrationEndedAt: Date): DischargeUnmet[] {
  const { baseline, latestVitals: latest, protocol } = input;
  const { vitalsTolerance: tol, spo2Min } = protocol.discharge;
  if (baseline === null || latest === null) {
    return [
      {
        code: 'vitals-missing',
        text: `No ${baseline === null ? 'baseline' : 'post-administration'} vital signs are recorded.`,
        source: tol.source,
      },
    ];
  }
  if (!isValidInstant(latest.takenAt) || latest.takenAt.getTime() < administrationEndedAt.getTime()) {
    return [
      {
        code: 'vitals-not-after-administration',
        text: 'The latest vital signs were taken before administration ended: take a new set.',
        source: tol.source,
      },
    ];
  }
  const unmet: DischargeUnmet[] = [];
  const pairs = [
    ['Systolic BP', 'systolic', 'mmHg'],
    ['Diastolic BP', 'diastolic', 'mmHg'],
    ['Heart rate', 'heartRate', 'bpm'],
  ] as const;
  for (const [label, key, unit] of pairs) {
    const base = baseline[key];
    const now = latest[key];
    const allowed = (Math.abs(base) * tol.value) / 100;
    if (!Number.isFinite(base) || !Number.isFinite(now) || isAbove(Math.abs(now - base), allowed)) {
      unmet.push({
        code: 'vitals-not-at-baseline',
        text: `${label} ${fmt(now)} ${unit} is not within ±${tol.value}% of baseline ${fmt(base)} ${unit} (${fmt(base - allowed)}–${fmt(base + allowed)}).`,
        source: tol.source,
      });
    }
  }
  if (!Number.isFinite(latest.spo2) || isBelow(latest.spo2, spo2Min.value)) {
    unmet.push({
      code: 'spo2-below-minimum',
      text: `SpO2 ${fmt(latest.spo2)}% is below ${spo2Min.value}%.`,
      source: spo2Min.source,
    });
  }
  // Back towards baseline is not enough when the baseline itself was high (160/95 → 183/108 is within 15%):
  // every vital must also be clear of the urgent thresholds the session alerts on (clinical-safety review §6.3).
  const spo2Reported = unmet.some((u) => u.code === 'spo2-below-minimum');
  for (const alert of vitalAlerts(latest, baseline, protocol)) {
    if (alert.severity !== 'urgent' || alert.code === 'reading-incomplete') continue;
    if (alert.code === 'spo2' && spo2Reported) continue;
    unmet.push({
      code: 'vitals-at-urgent-threshold',
      text: `${alert.text} That is an urgent alert threshold: not safe for discharge, whatever the baseline.`,
      source: alert.source,
    });
  }
  return unmet;
}

function noDriving(input: DischargeInput, administrationEndedAt: Date): [Date, string] {
  const rule = input.protocol.discharge.noDriving;
  if (rule.kind === 'hours-after-end') {
    return [
      addMinutes(administrationEndedAt, rule.hours.value * 60),
      `No driving for ${rule.hours.value} hours after administration ends. Source: ${rule.hours.source}`,
    ];
  }
  const nextDay = startOfNextDayInZone(administrationEndedAt, input.timeZone);
  return [
    nextDay,
    `No driving or operating machinery until the next day, after a restful sleep (the time shown is the start of the next day; the sleep cannot be checked here). Source: ${rule.source}`,
  ];
}

function checkpointResults(input: DischargeInput): (BpCheckpointResult & { checkpointSource: string })[] {
  const readings = input.postDoseVitals ?? (input.latestVitals ? [input.latestVitals] : []);
  const reason = input.bpCheckpointMissedReason?.trim() ?? '';
  return bpCheckpointsDue(input.protocol, input.dosedAt).map((due) => {
    const reading = readingForCheckpoint(due, readings);
    return {
      checkpointMin: due.checkpoint.value,
      dueAt: due.dueAt,
      opensAt: due.opensAt,
      closesAt: due.closesAt,
      reading,
      missedReason: reading === null && reason !== '' ? reason : null,
      checkpointSource: `${due.checkpoint.source} Window: ${bpCheckpointWindow.before.source}`,
    };
  });
}

/** Every discharge condition of the protocol, checked at `now`. */
export function dischargeCheck(input: DischargeInput): DischargeResult {
  const { protocol, now, dosedAt } = input;
  const d = protocol.discharge;
  const unmet: DischargeUnmet[] = [];
  const add = (when: boolean, code: DischargeCode, text: string, source: string) => {
    if (when) unmet.push({ code, text, source });
  };
  // An infusion's end is when observation and the no-driving time start: it is never assumed to be its start
  // (clinical-safety review §6 item 4b). A bolus, esketamine devices or a lozenge end when dosing is recorded.
  const infused = protocol.duration !== null;
  const administrationEndedAt = input.administrationEndedAt ?? dosedAt;
  add(
    infused && input.administrationEndedAt === null,
    'administration-end-not-recorded',
    'The end of the infusion is not recorded: record when administration stopped; observation and the no-driving time count from it.',
    d.observation.minimum.source,
  );
  const start = d.observation.from === 'dosing-start' ? dosedAt : administrationEndedAt;
  const earliestDischargeAt = addMinutes(start, d.observation.minimum.value);
  const [noDrivingUntil, noDrivingRule] = noDriving(input, administrationEndedAt);
  const timesValid =
    [now, dosedAt, administrationEndedAt].every(isValidInstant) &&
    dosedAt.getTime() <= administrationEndedAt.getTime();
  add(
    !timesValid,
    'times-invalid',
    'Dosing, end of administration and now must be valid times, with dosing no later than its end.',
    'KASPR [SYN]',
  );
  if (timesValid) {
    const waited = minutesBetween(start, now);
    const from = d.observation.from === 'dosing-start' ? 'dosing started' : 'administration ended';
    add(
      isBelow(waited, d.observation.minimum.value),
      'observation-period-not-met',
      `${Math.max(0, Math.floor(waited))} min since ${from}; this protocol needs at least ${d.observation.minimum.value} min.`,
      d.observation.minimum.source,
    );
    unmet.push(...vitalsUnmet(input, administrationEndedAt));
  }
  const bpCheckpoints = checkpointResults(input);
  for (const c of bpCheckpoints) {
    add(
      c.reading === null && c.missedReason === null,
      'bp-checkpoint-missing',
      `No blood pressure is recorded ${c.checkpointMin - bpCheckpointWindow.before.value}–${c.checkpointMin + bpCheckpointWindow.after.value} min after dosing started (the ${c.checkpointMin}-minute check). Record one taken in that window, or give the reason it was missed (bpCheckpointMissedReason).`,
      c.checkpointSource,
    );
  }
  add(
    d.alertAndOriented.required && !input.alertAndOriented,
    'not-alert-and-oriented',
    'The patient is not yet alert and oriented.',
    d.alertAndOriented.source,
  );
  add(
    d.escort.required && (input.setting ?? 'clinic') === 'clinic' && !input.escortPresent,
    'escort-not-present',
    'No responsible adult is present to take the patient home.',
    d.escort.source,
  );
  add(
    d.effectsResolved.required && input.effectsResolved !== true,
    'effects-not-resolved',
    'Sedation, dissociation and respiratory depression are not all recorded as resolved.',
    d.effectsResolved.source,
  );
  return {
    ok: unmet.length === 0,
    unmet,
    earliestDischargeAt,
    noDrivingUntil,
    noDrivingRule,
    bpCheckpoints: bpCheckpoints.map(({ checkpointSource: _source, ...c }) => c),
  };
}
