// The dose and rate actually given, checked against the same protocol limits as the calculated dose, with a
// reason for any difference from the plan (review 2026-12 §6 item 1).
import { calculateDose } from './dose.ts';
import type { WeightReading } from './dose-types.ts';
import type { TreatmentProblemCode } from './problems.ts';
import type { Protocol } from './protocol.ts';
import { fmt, isAbove, PLACES, roundHalfUp } from './rounding.ts';
import type { SessionStateCode } from './session-state.ts';
import { milligrams, minutes } from './units.ts';

/** Two doses (mg) or rates (mg/h) are the same when within half the 0.1 rounding step. */
const SAME_WITHIN = 0.05;

/** The dose a session planned (its checked calculation). */
export interface PlannedDose {
  readonly doseMg: number;
  readonly rateMgPerHour: number | null;
  readonly durationMin: number | null;
  readonly prescriberReason?: string;
}

/** A start or rate change as recorded, with what the check needs to repeat the calculation. */
export interface GivenDoseInput {
  readonly protocol: Protocol;
  readonly planned: PlannedDose;
  readonly event: 'start' | 'rate-change';
  /** The chart weight the calculation uses; today ('YYYY-MM-DD') for its age. */
  readonly weight: WeightReading | null;
  readonly today: string;
  readonly firstSession?: boolean;
  /** Rate change: the dose running since the start. */
  readonly runningDoseMg?: number;
  readonly doseMg?: number;
  readonly rateMgPerHour?: number;
  readonly reason?: string;
}

/** What is recorded as given, and the reason when it differs from the plan. */
export interface GivenDose {
  readonly doseMg: number;
  readonly rateMgPerHour: number | null;
  readonly differsFromPlan: boolean;
  readonly reason: string | null;
}

/** Why a given dose or rate is refused. */
export interface GivenDoseRefusal {
  readonly code: SessionStateCode | TreatmentProblemCode;
  readonly text: string;
  readonly path: string;
}

export type GivenDoseOutcome =
  | { readonly ok: true; readonly value: GivenDose }
  | { readonly ok: false; readonly refusal: GivenDoseRefusal };

const refuse = (code: GivenDoseRefusal['code'], text: string, path: string): GivenDoseOutcome => ({
  ok: false,
  refusal: { code, text, path },
});

const differs = (a: number, b: number | null) => b === null || Math.abs(a - b) > SAME_WITHIN;

/** The fastest rate (mg/h) that still runs `doseMg` over the protocol's shortest infusion. */
function fastestRate(protocol: Protocol, doseMg: number): number | null {
  return protocol.duration === null ? null : (doseMg * 60) / protocol.duration.min.value;
}

/**
 * Refuses a rate that runs the dose faster than the protocol's shortest infusion. Rates are planned and recorded
 * to 0.1 mg/h (PLACES.rateMgPerHour), so the limit is the fastest rate as it is written to that step: 28.5 mg over
 * 40 min is 42.75 mg/h, planned as 42.8 mg/h, and that plan must be recordable (3 s shorter over 40 min).
 */
function rateAboveMaximum(protocol: Protocol, doseMg: number, rate: number): GivenDoseOutcome | null {
  const fastest = fastestRate(protocol, doseMg);
  if (fastest === null || !isAbove(rate, roundHalfUp(fastest, PLACES.rateMgPerHour))) return null;
  const min = protocol.duration?.min;
  return refuse(
    'administration-rate-above-protocol-maximum',
    `${fmt(rate)} mg/h would run ${fmt(doseMg)} mg faster than this protocol's shortest infusion of ${String(min?.value)} min (at most ${fmt(fastest)} mg/h). Source: ${min?.source ?? ''}`,
    'rateMgPerHour',
  );
}

function needsReason(reason: string, what: string): GivenDoseOutcome | null {
  return reason === ''
    ? refuse(
        'administration-differs-needs-reason',
        `${what} differs from the planned dose: give the reason in "reason".`,
        'reason',
      )
    : null;
}

/** Start: the dose given re-runs the protocol's dose calculation when it differs from the plan. */
function checkStart(input: GivenDoseInput, reason: string): GivenDoseOutcome {
  const { protocol, planned } = input;
  const infused = protocol.duration !== null;
  if (!infused && input.rateMgPerHour !== undefined)
    return refuse(
      'not-applicable',
      `Route ${protocol.route} is not infused: leave out the rate.`,
      'rateMgPerHour',
    );
  const dose = input.doseMg ?? planned.doseMg;
  const doseDiffers = differs(dose, planned.doseMg);
  let expectedRate = planned.rateMgPerHour;
  if (doseDiffers) {
    const calc = calculateDose({
      protocol,
      weight: input.weight,
      today: input.today,
      doseMg: milligrams(dose),
      ...(planned.durationMin !== null ? { durationMin: minutes(planned.durationMin) } : {}),
      ...(planned.prescriberReason ? { prescriberReason: planned.prescriberReason } : {}),
      ...(input.firstSession !== undefined ? { firstSession: input.firstSession } : {}),
    });
    if (!calc.ok) {
      const first = calc.problems[0];
      return refuse(
        first?.code ?? 'dose-not-allowed',
        `${fmt(dose)} mg given against ${fmt(planned.doseMg)} mg planned: ${calc.problems.map((p) => p.text).join(' ')}`,
        'doseMg',
      );
    }
    expectedRate = calc.value.rateMgPerHour;
  }
  const rate = infused ? (input.rateMgPerHour ?? expectedRate) : null;
  if (rate !== null) {
    const fast = rateAboveMaximum(protocol, dose, rate);
    if (fast) return fast;
  }
  const rateDiffers = rate !== null && planned.rateMgPerHour !== null && differs(rate, planned.rateMgPerHour);
  if (doseDiffers || rateDiffers) {
    const what = doseDiffers
      ? `${fmt(dose)} mg given against ${fmt(planned.doseMg)} mg planned`
      : `A rate of ${fmt(rate ?? 0)} mg/h against ${fmt(planned.rateMgPerHour ?? 0)} mg/h planned`;
    const missing = needsReason(reason, what);
    if (missing) return missing;
  }
  return {
    ok: true,
    value: {
      doseMg: dose,
      rateMgPerHour: rate,
      differsFromPlan: doseDiffers || rateDiffers,
      reason: reason || null,
    },
  };
}

/** Rate change: only on an infused route, never faster than the shortest infusion, a reason when off plan. */
function checkRateChange(input: GivenDoseInput, reason: string): GivenDoseOutcome {
  const { protocol, planned } = input;
  if (protocol.duration === null)
    return refuse(
      'not-applicable',
      `Route ${protocol.route} is not infused: there is no rate to change.`,
      'rateMgPerHour',
    );
  const rate = input.rateMgPerHour;
  if (rate === undefined)
    return refuse('administration-rate-needed', 'Give the new rate in mg/h.', 'rateMgPerHour');
  const dose = input.runningDoseMg ?? planned.doseMg;
  const fast = rateAboveMaximum(protocol, dose, rate);
  if (fast) return fast;
  const off = differs(rate, planned.rateMgPerHour);
  if (off) {
    const missing = needsReason(
      reason,
      `A rate of ${fmt(rate)} mg/h against ${fmt(planned.rateMgPerHour ?? 0)} mg/h planned`,
    );
    if (missing) return missing;
  }
  return {
    ok: true,
    value: { doseMg: dose, rateMgPerHour: rate, differsFromPlan: off, reason: reason || null },
  };
}

/**
 * Checks the dose and rate recorded at the start of administration, or a new rate, against the protocol:
 * a start dose that differs from the plan is recalculated under the protocol (hard maximum, usual range,
 * allowed doses, first-dose rule), a rate may not run the dose faster than the shortest infusion, and any
 * difference from the planned dose or rate needs a reason. 350 mg recorded against 35 mg planned at 70 kg
 * is refused as `dose-above-protocol-maximum`.
 */
export function checkGivenDose(input: GivenDoseInput): GivenDoseOutcome {
  const reason = input.reason?.trim() ?? '';
  return input.event === 'start' ? checkStart(input, reason) : checkRateChange(input, reason);
}
