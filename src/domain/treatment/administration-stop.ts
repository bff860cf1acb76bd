// Stopping administration: the amount actually given (default the dose started), required when an infusion
// stops before its planned end, and what is left to waste (journey review 2026-12 defect 2).
import { fmt, PLACES, roundHalfUp } from './rounding.ts';
import type { SessionStateRefusal } from './session-state.ts';

/**
 * An infusion stopped more than this before its planned end counts as stopped early, so the amount given must
 * be stated. KASPR setting [SYN]: the same allowance as entered times (to the minute, device clocks).
 */
export const EARLY_STOP_TOLERANCE_MS = 2 * 60_000;

/** Two amounts (mg) are the same when within half the 0.1 mg rounding step. */
const SAME_WITHIN = 0.05;

/** The stop as recorded, with the start it ends. */
export interface StopInput {
  /** The dose recorded at the start (and drawn from stock when it was), or null when none was recorded. */
  readonly startedDoseMg: number | null;
  /** The concentration of the solution, to turn a volume into mg; null when unknown. */
  readonly concentrationMgPerMl: number | null;
  /** When the infusion was planned to end (start + planned duration); null for routes that are not infused. */
  readonly plannedEndAt: Date | null;
  readonly at: Date;
  readonly givenMg?: number;
  readonly givenMl?: number;
}

/** What was given, and what is left over to be wasted with a witness. */
export interface StopAmount {
  readonly givenMg: number | null;
  readonly givenMl: number | null;
  readonly leftOverMg: number;
  readonly stoppedEarly: boolean;
  /** 'recorded' when the stop stated the amount; 'as-started' when it defaulted to the dose started. */
  readonly basis: 'recorded' | 'as-started';
}

export type StopOutcome =
  | { readonly ok: true; readonly value: StopAmount }
  | { readonly ok: false; readonly refusal: SessionStateRefusal };

const invalid = (text: string, path: string): StopOutcome => ({
  ok: false,
  refusal: { code: 'administration-amount-invalid', text, path },
});

/** The amount stated, in mg, from mg and/or mL (which must agree), or a refusal. */
function statedMg(input: StopInput): StopOutcome | number | undefined {
  const { givenMg, givenMl, concentrationMgPerMl: conc } = input;
  if (givenMl === undefined) return givenMg;
  if (conc === null)
    return invalid('The concentration is not recorded: give the amount given in mg ("givenMg").', 'givenMl');
  const fromMl = roundHalfUp(givenMl * conc, PLACES.doseMg);
  if (givenMg !== undefined && Math.abs(givenMg - fromMl) > SAME_WITHIN)
    return invalid(
      `${fmt(givenMl)} mL at ${fmt(conc)} mg/mL is ${fmt(fromMl)} mg, not ${fmt(givenMg)} mg.`,
      'givenMg',
    );
  return fromMl;
}

/**
 * The amount given at the stop: stated in mg or mL (mL × the recorded concentration), never more than the dose
 * started; required when an infusion stops more than `EARLY_STOP_TOLERANCE_MS` before its planned end; the
 * dose started otherwise. 34 mg started, 20 mg given → 14 mg left over to waste.
 */
export function stopAmount(input: StopInput): StopOutcome {
  const stated = statedMg(input);
  if (typeof stated === 'object') return stated;
  const { startedDoseMg, plannedEndAt, at } = input;
  const stoppedEarly =
    plannedEndAt !== null && at.getTime() < plannedEndAt.getTime() - EARLY_STOP_TOLERANCE_MS;
  if (stated === undefined) {
    if (stoppedEarly && startedDoseMg !== null)
      return {
        ok: false,
        refusal: {
          code: 'administration-amount-needed',
          text: `The infusion stopped before its planned end: give the amount actually infused ("givenMg" or "givenMl") so the record and the register show it.`,
          path: 'givenMg',
        },
      };
    return {
      ok: true,
      value: { givenMg: startedDoseMg, givenMl: null, leftOverMg: 0, stoppedEarly, basis: 'as-started' },
    };
  }
  if (startedDoseMg !== null && stated > startedDoseMg + SAME_WITHIN)
    return invalid(
      `${fmt(stated)} mg is more than the ${fmt(startedDoseMg)} mg started.`,
      input.givenMl !== undefined ? 'givenMl' : 'givenMg',
    );
  const leftOver =
    startedDoseMg === null ? 0 : Math.max(0, roundHalfUp(startedDoseMg - stated, PLACES.doseMg));
  return {
    ok: true,
    value: {
      givenMg: stated,
      givenMl: input.givenMl ?? null,
      leftOverMg: leftOver,
      stoppedEarly,
      basis: 'recorded',
    },
  };
}
