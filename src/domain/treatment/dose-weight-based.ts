// IV/IM racemic ketamine: mg/kg dose checked against the usual range, escalation reason and hard maximum.
import { checkWeight } from './dose-inputs.ts';
import { infusionDuration, refuseInputs, solutionPlan } from './dose-infusion.ts';
import type { DoseRequest, DoseResult, DoseWarning } from './dose-types.ts';
import { failure, success, type Outcome, type ProblemList } from './problems.ts';
import type { WeightBasedDose } from './protocol-types.ts';
import { fmt, isAbove, isBelow, PLACES, roundDown, roundHalfUp, roundingStatement } from './rounding.ts';
import {
  doseForWeight,
  dosePerKg,
  doseRate,
  doseRatePerKg,
  mgPerHour,
  mgPerKg,
  milligrams,
  type Kilograms,
  type Milligrams,
} from './units.ts';

// A dose in mg and one in mg/kg agree when they differ by no more than the 0.1 mg rounding step allows.
const AGREEMENT_MG = 0.05;

/** The dose in mg (rounded as `roundingStatement` says) and the mg/kg to check, or undefined. */
function resolveDose(
  p: ProblemList,
  req: DoseRequest,
  kg: Kilograms,
  hardMax: number,
): [Milligrams, number] | undefined {
  const { mgPerKg: perKg, doseMg } = req;
  if (perKg === undefined && doseMg === undefined) {
    p.push({ code: 'dose-missing', path: 'mgPerKg', text: 'Give the dose in mg/kg (or in mg).' });
    return undefined;
  }
  if (perKg === undefined) {
    const dose = milligrams(roundHalfUp(doseMg ?? 0, PLACES.doseMg));
    return [dose, dosePerKg(dose, kg)];
  }
  const exact = doseForWeight(kg, perKg);
  if (doseMg !== undefined && Math.abs(exact - doseMg) > AGREEMENT_MG) {
    p.push({
      code: 'dose-inputs-disagree',
      path: 'doseMg',
      text: `${fmt(perKg)} mg/kg × ${fmt(kg)} kg is ${fmt(exact)} mg, not ${fmt(doseMg)} mg.`,
    });
    return undefined;
  }
  const rounded = roundHalfUp(exact, PLACES.doseMg);
  // Rounding up must never carry the dose past the hard maximum.
  const dose = isAbove(rounded, kg * hardMax) ? roundDown(exact, PLACES.doseMg) : rounded;
  return [milligrams(dose), perKg];
}

/** Refuses a dose outside the protocol's limits; returns the warning for an escalation with a reason. */
function checkLimits(
  p: ProblemList,
  req: DoseRequest,
  rule: WeightBasedDose,
  perKg: number,
  kg: Kilograms,
): DoseWarning | undefined {
  const { usualMin, usualMax, hardMax } = rule;
  const asked = `${fmt(perKg)} mg/kg (${fmt(perKg * kg)} mg for ${fmt(kg)} kg)`;
  if (isAbove(perKg, hardMax.value)) {
    p.push({
      code: 'dose-above-protocol-maximum',
      path: 'mgPerKg',
      text: `${asked} is above this protocol's hard maximum of ${hardMax.value} mg/kg (${fmt(hardMax.value * kg)} mg). It cannot be given under this protocol. Source: ${hardMax.source}`,
    });
  } else if (isBelow(perKg, usualMin.value)) {
    p.push({
      code: 'dose-below-protocol-minimum',
      path: 'mgPerKg',
      text: `${asked} is below this protocol's minimum of ${usualMin.value} mg/kg (${fmt(usualMin.value * kg)} mg). Source: ${usualMin.source}`,
    });
  } else if (isAbove(perKg, usualMax.value)) {
    const reason = req.prescriberReason?.trim() ?? '';
    if (reason === '') {
      p.push({
        code: 'escalation-needs-reason',
        path: 'prescriberReason',
        text: `${asked} is above the usual ${usualMin.value}–${usualMax.value} mg/kg (hard maximum ${hardMax.value} mg/kg): a prescriber's reason is needed. Source: ${usualMax.source}`,
      });
    } else {
      return {
        code: 'escalation-above-usual-range',
        text: `${asked} is above the usual ${usualMin.value}–${usualMax.value} mg/kg; prescriber's reason: ${reason}`,
        source: usualMax.source,
      };
    }
  }
  return undefined;
}

/**
 * Refuses an infusion faster than the protocol's hard maximum rate; above the rate that needs a reason,
 * refuses without one and returns the warning with one. The ASRA pain regimens are rates (clinic.md §3).
 */
function checkRate(
  p: ProblemList,
  req: DoseRequest,
  rule: WeightBasedDose,
  perKg: number,
  duration: number,
  perKgPerHour: number,
): DoseWarning | undefined {
  const { rateReasonAbove: soft, rateHardMax: hard } = rule;
  const asked = `${fmt(perKg)} mg/kg over ${fmt(duration)} min (${fmt(perKgPerHour)} mg/kg/h)`;
  if (hard !== null && isAbove(perKgPerHour, hard.value)) {
    p.push({
      code: 'rate-above-protocol-maximum',
      path: 'durationMin',
      text: `${asked} is faster than this protocol's hard maximum rate of ${hard.value} mg/kg/h. Give it over a longer time or lower the dose. Source: ${hard.source}`,
    });
    return undefined;
  }
  if (soft === null || !isAbove(perKgPerHour, soft.value)) return undefined;
  const reason = req.prescriberReason?.trim() ?? '';
  if (reason === '') {
    p.push({
      code: 'rate-needs-reason',
      path: 'prescriberReason',
      text: `${asked} is faster than ${soft.value} mg/kg/h (hard maximum ${hard?.value ?? 'none'} mg/kg/h): a prescriber's reason is needed. Source: ${soft.source}`,
    });
    return undefined;
  }
  return {
    code: 'rate-above-usual',
    text: `${asked} is faster than ${soft.value} mg/kg/h; prescriber's reason: ${reason}`,
    source: soft.source,
  };
}

/** A weight-based dose with its infusion rate (IV) and, when a concentration or bag is given, the pump rate. */
export function weightBasedDose(
  req: DoseRequest,
  rule: WeightBasedDose,
  p: ProblemList,
): Outcome<DoseResult> {
  const { protocol } = req;
  const warnings: DoseWarning[] = [];
  const infused = protocol.duration !== null;
  if (!infused)
    refuseInputs(
      p,
      req,
      ['durationMin', 'concentrationMgPerMl', 'bagVolumeMl'],
      `route ${protocol.route} is not infused.`,
    );
  const kg = checkWeight(p, req.weight, req.today, protocol.weight);
  if (kg === undefined || p.length > 0) return failure(p);
  const resolved = resolveDose(p, req, kg, rule.hardMax.value);
  if (resolved === undefined) return failure(p);
  const [dose, perKg] = resolved;
  const escalation = checkLimits(p, req, rule, perKg, kg);
  if (escalation) warnings.push(escalation);
  const duration = protocol.duration === null ? null : infusionDuration(p, req, protocol.duration, warnings);
  if (p.length > 0 || duration === undefined) return failure(p);
  const rate = duration === null ? null : doseRate(dose, duration);
  const rateWarning =
    rate === null || duration === null
      ? undefined
      : checkRate(p, req, rule, perKg, duration, doseRatePerKg(rate, kg));
  if (p.length > 0) return failure(p);
  if (rateWarning) warnings.push(rateWarning);
  const plan = duration === null ? {} : solutionPlan(p, req, dose, duration);
  if (plan === undefined) return failure(p);
  const ceiling = rule.lowDoseRateCeiling;
  if (rate !== null && ceiling !== null && isAbove(doseRatePerKg(rate, kg), ceiling.value)) {
    warnings.push({
      code: 'rate-above-low-dose-definition',
      text: `${fmt(doseRatePerKg(rate, kg))} mg/kg/h is above ${ceiling.value} mg/kg/h, the low-dose limit: plan a higher level of monitoring.`,
      source: ceiling.source,
    });
  }
  return success({
    protocolId: protocol.id,
    protocolVersion: protocol.version,
    route: protocol.route,
    doseMg: dose,
    mgPerKg: mgPerKg(roundHalfUp(dosePerKg(dose, kg), PLACES.mgPerKg)),
    durationMin: duration,
    rateMgPerHour: rate === null ? null : mgPerHour(roundHalfUp(rate, PLACES.rateMgPerHour)),
    ...plan,
    ...(escalation || rateWarning ? { prescriberReason: req.prescriberReason?.trim() } : {}),
    rounding: roundingStatement('weight-based'),
    warnings,
  });
}
