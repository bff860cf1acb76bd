// Infusion arithmetic: the duration (given or the protocol default), the volume to run and the pump rate.
import type { DoseRequest, DoseWarning } from './dose-types.ts';
import type { ProblemList } from './problems.ts';
import type { DurationRule } from './protocol-types.ts';
import { fmt, isAbove, isBelow, PLACES, roundHalfUp } from './rounding.ts';
import {
  concentrationOf,
  millilitres,
  minutes,
  mgPerMl,
  mlPerHour,
  volumeForDose,
  volumeRate,
  type MgPerMl,
  type Milligrams,
  type Millilitres,
  type Minutes,
  type MlPerHour,
} from './units.ts';

// clinic.md §3 Product and dilution [V, ASHP; Ketalar labels]: 100 mg/mL "should not be injected
// intravenously without proper dilution".
const UNDILUTED_MG_PER_ML = 100;

/** Pushes not-applicable for each named input the route does not use. */
export function refuseInputs(
  p: ProblemList,
  req: DoseRequest,
  names: readonly (keyof DoseRequest)[],
  why: string,
): void {
  for (const name of names) {
    if (req[name] !== undefined)
      p.push({ code: 'not-applicable', path: name, text: `${name} does not apply: ${why}` });
  }
}

/** The duration to use: as given (within the protocol's range, inclusive) or the protocol's default. */
export function infusionDuration(
  p: ProblemList,
  req: DoseRequest,
  rule: DurationRule,
  warnings: DoseWarning[],
): Minutes | undefined {
  if (req.durationMin === undefined) {
    if (rule.default === null) {
      p.push({
        code: 'duration-missing',
        path: 'durationMin',
        text: `Give an infusion duration (${rule.min.value}–${rule.max.value} min); this protocol has no default.`,
      });
      return undefined;
    }
    warnings.push({
      code: 'default-duration-used',
      text: `No duration given: the protocol default of ${rule.default.value} min is used.`,
      source: rule.default.source,
    });
    return minutes(rule.default.value);
  }
  const d = req.durationMin;
  if (isBelow(d, rule.min.value) || isAbove(d, rule.max.value)) {
    p.push({
      code: 'duration-out-of-range',
      path: 'durationMin',
      text: `${fmt(d)} min is outside this protocol's ${rule.min.value}–${rule.max.value} min (source: ${rule.max.source}).`,
    });
    return undefined;
  }
  return d;
}

/** Volume to run and pump rate (mL/h to 0.1, from the dose's exact volume); concentration when worked from a bag. */
export interface SolutionPlan {
  readonly volumeMl?: Millilitres;
  readonly rateMlPerHour?: MlPerHour;
  readonly concentrationMgPerMl?: MgPerMl;
}

/**
 * With a concentration: volume = dose ÷ concentration (and it must fit the bag, if one is given).
 * With only a bag volume: the dose is mixed into the bag and the whole bag runs over the duration.
 */
export function solutionPlan(
  p: ProblemList,
  req: DoseRequest,
  dose: Milligrams,
  duration: Minutes,
): SolutionPlan | undefined {
  const { concentrationMgPerMl: conc, bagVolumeMl: bag } = req;
  const volume = conc !== undefined ? volumeForDose(dose, conc) : bag;
  if (volume === undefined) return {};
  if (conc !== undefined && conc >= UNDILUTED_MG_PER_ML) {
    p.push({
      code: 'concentration-needs-dilution',
      path: 'concentrationMgPerMl',
      text: `${fmt(conc)} mg/mL must not be given IV without dilution (clinic.md §3, ketamine label [V]); infusions are usually made at 1 or 2 mg/mL.`,
    });
    return undefined;
  }
  if (bag !== undefined && isAbove(volume, bag)) {
    p.push({
      code: 'bag-too-small',
      path: 'bagVolumeMl',
      text: `${fmt(dose)} mg at ${fmt(conc ?? 0)} mg/mL is ${fmt(volume)} mL, more than the ${fmt(bag)} mL bag.`,
    });
    return undefined;
  }
  return {
    volumeMl: millilitres(roundHalfUp(volume, PLACES.volumeMl)),
    rateMlPerHour: mlPerHour(roundHalfUp(volumeRate(volume, duration), PLACES.rateMlPerHour)),
    ...(conc === undefined
      ? { concentrationMgPerMl: mgPerMl(roundHalfUp(concentrationOf(dose, volume), 2)) }
      : {}),
  };
}
