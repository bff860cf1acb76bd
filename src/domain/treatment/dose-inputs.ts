// Checks on a dose request's inputs: the weight (present, plausible, recent) and that every number is usable.
import { daysBetween, isoDate } from '../core/calendar.ts';
import type { ProblemList } from './problems.ts';
import type { DoseRequest, DoseWarning, WeightReading } from './dose-types.ts';
import type { WeightRule } from './protocol.ts';
import { fmt } from './rounding.ts';
import type { Kilograms } from './units.ts';

/** Pushes invalid-number for each given number that is not finite and above zero. */
export function checkNumbers(p: ProblemList, req: DoseRequest): void {
  const numbers: readonly [string, number | undefined, string][] = [
    ['mgPerKg', req.mgPerKg, 'mg/kg'],
    ['doseMg', req.doseMg, 'mg'],
    ['durationMin', req.durationMin, 'min'],
    ['concentrationMgPerMl', req.concentrationMgPerMl, 'mg/mL'],
    ['bagVolumeMl', req.bagVolumeMl, 'mL'],
  ];
  for (const [path, value, unit] of numbers) {
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
      p.push({
        code: 'invalid-number',
        path,
        text: `${path} must be a number of ${unit} above 0; got ${value}.`,
      });
    }
  }
}

/**
 * The weight when it is present, a real number, within the protocol's plausible range and no older than
 * its limit (counted in calendar days: exactly the limit is accepted, one day more is stale).
 */
export function checkWeight(
  p: ProblemList,
  weight: WeightReading | null | undefined,
  today: string,
  rule: WeightRule,
): Kilograms | undefined {
  if (weight === undefined || weight === null) {
    p.push({ code: 'weight-missing', path: 'weight', text: 'A weight-based dose needs a recorded weight.' });
    return undefined;
  }
  const before = p.length;
  const { kg } = weight;
  if (!Number.isFinite(kg)) {
    p.push({ code: 'invalid-number', path: 'weight.kg', text: `Weight must be a number of kg; got ${kg}.` });
  } else if (kg < rule.plausibleMin.value || kg > rule.plausibleMax.value) {
    p.push({
      code: 'weight-implausible',
      path: 'weight.kg',
      text: `A weight of ${fmt(kg)} kg is outside the plausible range ${rule.plausibleMin.value}–${rule.plausibleMax.value} kg (setting: ${rule.plausibleMin.source}). Check the entry and its unit.`,
    });
  }
  const measured = isoDate(weight.measuredOn);
  const day = isoDate(today);
  if (day === undefined) {
    p.push({ code: 'invalid-date', path: 'today', text: 'today must be a real date written YYYY-MM-DD.' });
  }
  if (measured === undefined) {
    p.push({
      code: 'invalid-date',
      path: 'weight.measuredOn',
      text: 'The weight date must be a real date written YYYY-MM-DD.',
    });
  } else if (day !== undefined) {
    const age = daysBetween(measured, day);
    if (age < 0) {
      p.push({
        code: 'invalid-date',
        path: 'weight.measuredOn',
        text: `The weight is dated ${weight.measuredOn}, after today (${today}).`,
      });
    } else if (age > rule.maxAge.value) {
      p.push({
        code: 'weight-stale',
        path: 'weight.measuredOn',
        text: `The weight was measured ${age} days ago (${weight.measuredOn}); this protocol accepts a weight up to ${rule.maxAge.value} days old (setting: ${rule.maxAge.source}). Weigh the patient again.`,
      });
    }
  }
  return p.length === before ? kg : undefined;
}

/**
 * For doses not worked out from weight: the weight when it passes the same checks (to show mg/kg), or
 * undefined with a warning saying why it was not used. It never stops the dose.
 */
export function optionalWeight(req: DoseRequest, warnings: DoseWarning[]): Kilograms | undefined {
  if (req.weight === undefined || req.weight === null) return undefined;
  const problems: ProblemList = [];
  const kg = checkWeight(problems, req.weight, req.today, req.protocol.weight);
  if (kg === undefined) {
    warnings.push({
      code: 'weight-not-used',
      text: `The weight was not used to show mg/kg: ${problems.map((x) => x.text).join(' ')}`,
      source: req.protocol.weight.maxAge.source,
    });
  }
  return kg;
}
