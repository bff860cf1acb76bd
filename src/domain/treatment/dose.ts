// Dose calculation for a session under a protocol: one entry point that follows the protocol's dose rule.
import { checkNumbers } from './dose-inputs.ts';
import { fixedDeviceDose, mgRangeDose } from './dose-fixed.ts';
import type { DoseRequest, DoseResult } from './dose-types.ts';
import { weightBasedDose } from './dose-weight-based.ts';
import type { ProblemList } from './json-read.ts';
import { failure, type Outcome } from './problems.ts';

/**
 * Works out a dose under `req.protocol`, or refuses it with every problem found (never throws).
 *
 * - Weight-based (IV/IM): mg = kg × mg/kg over the protocol's duration; refusals include `weight-missing`,
 *   `weight-stale`, `weight-implausible`, `dose-below-protocol-minimum`, `escalation-needs-reason`,
 *   `dose-above-protocol-maximum` and `duration-out-of-range`. 70 kg × 0.5 mg/kg over 40 min = 35 mg at
 *   52.5 mg/h; at 1 mg/mL that is 35 mL at 52.5 mL/h.
 * - Fixed devices (esketamine): only the allowed doses (56 or 84 mg); devices = dose ÷ 28 mg.
 * - mg range (lozenges): the usual range, escalation with a reason, the hard maximum and the tablet step.
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
      return mgRangeDose(req, rule, p);
  }
}
