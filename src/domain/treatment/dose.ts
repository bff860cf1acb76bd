// Dose calculation for a session under a protocol: one entry point that follows the protocol's dose rule.
import { checkNumbers } from './dose-inputs.ts';
import { fixedDeviceDose, mgRangeDose } from './dose-fixed.ts';
import type { DoseRequest, DoseResult, DoseWarning } from './dose-types.ts';
import { weightBasedDose } from './dose-weight-based.ts';
import { failure, success, type Outcome, type ProblemList } from './problems.ts';
import type { MgRangeDose } from './protocol-types.ts';
import { fmt, isAbove } from './rounding.ts';

/**
 * Works out a dose under `req.protocol`, or refuses it with every problem found (never throws).
 *
 * - Weight-based (IV/IM): mg = kg × mg/kg over the protocol's duration; refusals include `weight-missing`,
 *   `weight-stale`, `weight-implausible`, `dose-below-protocol-minimum`, `escalation-needs-reason`,
 *   `dose-above-protocol-maximum` and `duration-out-of-range`. 70 kg × 0.5 mg/kg over 40 min = 35 mg at
 *   52.5 mg/h; at 1 mg/mL that is 35 mL at 52.5 mL/h.
 * - Fixed devices (esketamine): only the allowed doses (56 or 84 mg); devices = dose ÷ 28 mg.
 * - mg range (lozenges): the usual range, escalation with a reason, the hard maximum and the tablet step,
 *   and a warning above the protocol's mg/kg setting.
 *
 * The result states its rounding and carries warnings (escalation, low-dose rate, default duration).
 */
export function calculateDose(req: DoseRequest): Outcome<DoseResult> {
  const p: ProblemList = [];
  checkNumbers(p, req);
  if (p.length > 0) return failure(p);
  const rule = req.protocol.dose;
  switch (rule.kind) {
    case 'weight-based':
      return weightBasedDose(req, rule, p);
    case 'fixed-devices':
      return fixedDeviceDose(req, rule, p);
    case 'mg-range':
      return withPerKgCheck(mgRangeDose(req, rule, p), rule);
  }
}

/**
 * Oral and sublingual doses are set in mg, but a small patient can be given many times the usual IV-equivalent
 * dose (400 mg at 40 kg is 10 mg/kg): warn above the protocol's mg/kg setting, and say so when no weight was
 * usable to check it (review 2026-12 §6 item 20).
 */
function withPerKgCheck(outcome: Outcome<DoseResult>, rule: MgRangeDose): Outcome<DoseResult> {
  const limit = rule.mgPerKgWarnAbove;
  if (!outcome.ok || limit === null) return outcome;
  const result = outcome.value;
  let warning: DoseWarning | undefined;
  if (result.mgPerKg === null) {
    warning = {
      code: 'dose-per-kg-not-checked',
      text: `No usable weight: the dose could not be checked against ${limit.value} mg/kg. Record today's weight.`,
      source: limit.source,
    };
  } else if (isAbove(result.mgPerKg, limit.value)) {
    warning = {
      code: 'dose-per-kg-above-setting',
      text: `${fmt(result.doseMg)} mg is ${fmt(result.mgPerKg)} mg/kg, above this protocol's ${limit.value} mg/kg: check the dose against the patient's weight.`,
      source: limit.source,
    };
  }
  return warning === undefined ? outcome : success({ ...result, warnings: [...result.warnings, warning] });
}
