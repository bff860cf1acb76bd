// Doses not worked out from weight: esketamine's fixed 56/84 mg in 28 mg devices, and lozenge mg ranges.
import { optionalWeight } from './dose-inputs.ts';
import { refuseInputs } from './dose-infusion.ts';
import type { DoseRequest, DoseResult, DoseWarning } from './dose-types.ts';
import { failure, success, type Outcome, type ProblemList } from './problems.ts';
import type { FixedDeviceDose, MgRangeDose } from './protocol-types.ts';
import { fmt, isAbove, isBelow, PLACES, roundHalfUp, roundingStatement } from './rounding.ts';
import { dosePerKg, mgPerKg, milligrams, minutes, type Milligrams } from './units.ts';

/** The dose in mg, refusing an mg/kg request and inputs only an infusion uses. */
function fixedInputs(p: ProblemList, req: DoseRequest): Milligrams | undefined {
  if (req.mgPerKg !== undefined) {
    p.push({
      code: 'unit-mismatch',
      path: 'mgPerKg',
      text: `Protocol ${req.protocol.id} is dosed in mg, not mg/kg: give doseMg.`,
    });
  }
  refuseInputs(
    p,
    req,
    ['durationMin', 'concentrationMgPerMl', 'bagVolumeMl'],
    `route ${req.protocol.route} is not infused.`,
  );
  if (req.doseMg === undefined) {
    p.push({ code: 'dose-missing', path: 'doseMg', text: 'Give the dose in mg.' });
    return undefined;
  }
  return milligrams(roundHalfUp(req.doseMg, PLACES.doseMg));
}

function result(
  req: DoseRequest,
  dose: Milligrams,
  warnings: DoseWarning[],
  kind: 'fixed-devices' | 'mg-range',
) {
  const kg = optionalWeight(req, warnings);
  const { protocol } = req;
  return {
    protocolId: protocol.id,
    protocolVersion: protocol.version,
    route: protocol.route,
    doseMg: dose,
    mgPerKg: kg === undefined ? null : mgPerKg(roundHalfUp(dosePerKg(dose, kg), PLACES.mgPerKg)),
    durationMin: null,
    rateMgPerHour: null,
    rounding: roundingStatement(kind),
    warnings,
  } satisfies DoseResult;
}

/** Esketamine: only the allowed doses; a course's first session must use its first dose (TRD: 56 mg). */
export function fixedDeviceDose(
  req: DoseRequest,
  rule: FixedDeviceDose,
  p: ProblemList,
): Outcome<DoseResult> {
  const dose = fixedInputs(p, req);
  const courses = req.protocol.courses;
  const course = req.courseId === undefined ? courses[0] : courses.find((c) => c.id === req.courseId);
  if (req.courseId !== undefined && course === undefined) {
    p.push({
      code: 'unknown-code',
      path: 'courseId',
      text: `Protocol ${req.protocol.id} has no course "${req.courseId}"; it has ${courses.map((c) => c.id).join(', ')}.`,
    });
  }
  if (dose === undefined || p.length > 0) return failure(p);
  const allowed = rule.allowed.map((a) => a.value);
  if (!allowed.includes(dose)) {
    p.push({
      code: 'dose-not-allowed',
      path: 'doseMg',
      text: `${fmt(dose)} mg is not an allowed dose; this protocol allows ${allowed.join(' or ')} mg. Source: ${rule.allowed[0]?.source ?? ''}`,
    });
    return failure(p);
  }
  const warnings: DoseWarning[] = [];
  const first = course?.firstDose ?? null;
  if (first !== null && dose !== first.value) {
    if (req.firstSession === true) {
      p.push({
        code: 'dose-not-allowed',
        path: 'doseMg',
        text: `The first session of course "${course?.label ?? ''}" must be ${first.value} mg, not ${fmt(dose)} mg. Source: ${first.source}`,
      });
      return failure(p);
    }
    if (req.firstSession === undefined) {
      warnings.push({
        code: 'confirm-prior-first-dose',
        text: `${fmt(dose)} mg is given only after an initial ${first.value} mg dose: confirm one was given.`,
        source: first.source,
      });
    }
  }
  return success({
    ...result(req, dose, warnings, 'fixed-devices'),
    devices: dose / rule.deviceMg.value,
    restBetweenDevicesMin: minutes(rule.restBetweenDevices.value),
  });
}

/** Lozenges: a usual mg range, escalation with a prescriber's reason, a hard maximum and a tablet step. */
export function mgRangeDose(req: DoseRequest, rule: MgRangeDose, p: ProblemList): Outcome<DoseResult> {
  const dose = fixedInputs(p, req);
  if (dose === undefined || p.length > 0) return failure(p);
  const { usualMin, usualMax, hardMax, step } = rule;
  const warnings: DoseWarning[] = [];
  const reason = req.prescriberReason?.trim() ?? '';
  if (isAbove(dose, hardMax.value)) {
    p.push({
      code: 'dose-above-protocol-maximum',
      path: 'doseMg',
      text: `${fmt(dose)} mg is above this protocol's hard maximum of ${hardMax.value} mg. It cannot be given under this protocol. Source: ${hardMax.source}`,
    });
  } else if (isBelow(dose, usualMin.value)) {
    p.push({
      code: 'dose-below-protocol-minimum',
      path: 'doseMg',
      text: `${fmt(dose)} mg is below this protocol's minimum of ${usualMin.value} mg. Source: ${usualMin.source}`,
    });
  } else if (isAbove(dose, usualMax.value) && reason === '') {
    p.push({
      code: 'escalation-needs-reason',
      path: 'prescriberReason',
      text: `${fmt(dose)} mg is above the usual ${usualMin.value}–${usualMax.value} mg (hard maximum ${hardMax.value} mg): a prescriber's reason is needed. Source: ${usualMax.source}`,
    });
  } else if (isAbove(dose, usualMax.value)) {
    warnings.push({
      code: 'escalation-above-usual-range',
      text: `${fmt(dose)} mg is above the usual ${usualMin.value}–${usualMax.value} mg; prescriber's reason: ${reason}`,
      source: usualMax.source,
    });
  }
  if (step !== null && Math.abs(dose / step.value - Math.round(dose / step.value)) > 1e-9) {
    p.push({
      code: 'dose-not-allowed',
      path: 'doseMg',
      text: `${fmt(dose)} mg is not a whole number of ${step.value} mg tablets. Source: ${step.source}`,
    });
  }
  if (p.length > 0) return failure(p);
  const escalated = warnings.length > 0 ? { prescriberReason: reason } : {};
  return success({ ...result(req, dose, warnings, 'mg-range'), ...escalated });
}
