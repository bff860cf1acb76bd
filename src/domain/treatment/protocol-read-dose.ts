// Reads a protocol's dose rule and infusion duration from JSON, checking them against the route and each other.
import { isJsonObject, readArray, readObject, readOneOf, type JsonObject } from '../core/json-read.ts';
import type { ProblemList } from './problems.ts';
import { checkOrder, readOptionalValue, readValue } from './protocol-read-values.ts';
import type { DoseRule, DurationRule, ProtocolValue, Route, ValueUnit } from './protocol-types.ts';

type DoseKind = DoseRule['kind'];
const doseKinds: readonly DoseKind[] = ['weight-based', 'fixed-devices', 'mg-range'];

/** The dose rule each route must use: mg/kg for injections, devices for esketamine, mg for tablets. */
export const doseKindForRoute: Readonly<Record<Route, DoseKind>> = {
  'iv-racemic': 'weight-based',
  im: 'weight-based',
  'intranasal-esketamine': 'fixed-devices',
  oral: 'mg-range',
  sublingual: 'mg-range',
};

function positive<T extends { readonly value: number }>(
  p: ProblemList,
  v: T | undefined,
  path: string,
): T | undefined {
  if (v === undefined || v.value > 0) return v;
  p.push({ code: 'out-of-range', path: `${path}.value`, text: `${path} must be more than 0.` });
  return undefined;
}

/** The fields of a dose rule that sets a usual range and a hard maximum. */
const RANGE_FIELDS = ['kind', 'usualMin', 'usualMax', 'hardMax'];

/** The usual range (its start more than 0) and the hard maximum, each in `unit`. */
function readRange<U extends ValueUnit>(p: ProblemList, obj: JsonObject, at: string, unit: U) {
  return {
    usualMin: positive(p, readValue(p, obj.usualMin, `${at}.usualMin`, unit), `${at}.usualMin`),
    usualMax: readValue(p, obj.usualMax, `${at}.usualMax`, unit),
    hardMax: readValue(p, obj.hardMax, `${at}.hardMax`, unit),
  };
}

/** The usual range must not end below its start, nor the hard maximum lie below it. */
function checkRange(
  p: ProblemList,
  { usualMin, usualMax, hardMax }: ReturnType<typeof readRange>,
  at: string,
): void {
  checkOrder(p, usualMin, usualMax, `${at}.usualMax`, 'The usual range must not end below its start');
  checkOrder(p, usualMax, hardMax, `${at}.hardMax`, 'The hard maximum must not be below the usual range');
}

function readWeightBased(p: ProblemList, value: unknown, at: string): DoseRule | undefined {
  const obj = readObject(p, value, at, [
    ...RANGE_FIELDS,
    'lowDoseRateCeiling',
    'rateReasonAbove',
    'rateHardMax',
  ]);
  if (obj === undefined) return undefined;
  const range = readRange(p, obj, at, 'mg/kg');
  const { usualMin, usualMax, hardMax } = range;
  const ceiling = readOptionalValue(p, obj.lowDoseRateCeiling, `${at}.lowDoseRateCeiling`, 'mg/kg/h');
  const rateReasonAbove = readOptionalValue(p, obj.rateReasonAbove, `${at}.rateReasonAbove`, 'mg/kg/h');
  const rateHardMax = readOptionalValue(p, obj.rateHardMax, `${at}.rateHardMax`, 'mg/kg/h');
  checkRange(p, range, at);
  checkOrder(
    p,
    rateReasonAbove,
    rateHardMax,
    `${at}.rateHardMax`,
    'The hard maximum rate must not be below the rate that needs a reason',
  );
  if (rateHardMax) positive(p, rateHardMax, `${at}.rateHardMax`);
  if (
    !usualMin ||
    !usualMax ||
    !hardMax ||
    ceiling === undefined ||
    rateReasonAbove === undefined ||
    rateHardMax === undefined ||
    (rateHardMax && rateHardMax.value <= 0)
  )
    return undefined;
  return {
    kind: 'weight-based',
    usualMin,
    usualMax,
    hardMax,
    lowDoseRateCeiling: ceiling,
    rateReasonAbove,
    rateHardMax,
  };
}

function readFixedDevices(p: ProblemList, value: unknown, at: string): DoseRule | undefined {
  const obj = readObject(p, value, at, ['kind', 'allowed', 'deviceMg', 'restBetweenDevices']);
  if (obj === undefined) return undefined;
  const deviceMg = positive(p, readValue(p, obj.deviceMg, `${at}.deviceMg`, 'mg'), `${at}.deviceMg`);
  const rest = readValue(p, obj.restBetweenDevices, `${at}.restBetweenDevices`, 'min');
  const list = readArray(p, obj.allowed, `${at}.allowed`) ?? [];
  if (obj.allowed !== undefined && list.length === 0) {
    p.push({ code: 'empty', path: `${at}.allowed`, text: 'At least one dose must be allowed.' });
  }
  const allowed: ProtocolValue<'mg'>[] = [];
  list.forEach((item, i) => {
    const dose = readValue(p, item, `${at}.allowed.${i}`, 'mg');
    if (dose === undefined) return;
    if (deviceMg && dose.value % deviceMg.value !== 0) {
      p.push({
        code: 'inconsistent-range',
        path: `${at}.allowed.${i}`,
        text: `${dose.value} mg is not a whole number of ${deviceMg.value} mg devices.`,
      });
    }
    allowed.push(dose);
  });
  if (!deviceMg || !rest || allowed.length !== list.length || allowed.length === 0) return undefined;
  return { kind: 'fixed-devices', allowed, deviceMg, restBetweenDevices: rest };
}

function readMgRange(p: ProblemList, value: unknown, at: string): DoseRule | undefined {
  const obj = readObject(p, value, at, [...RANGE_FIELDS, 'step', 'mgPerKgWarnAbove']);
  if (obj === undefined) return undefined;
  const range = readRange(p, obj, at, 'mg');
  const { usualMin, usualMax, hardMax } = range;
  const step = readOptionalValue(p, obj.step, `${at}.step`, 'mg');
  if (step) positive(p, step, `${at}.step`);
  const perKg = readOptionalValue(p, obj.mgPerKgWarnAbove, `${at}.mgPerKgWarnAbove`, 'mg/kg');
  if (perKg) positive(p, perKg, `${at}.mgPerKgWarnAbove`);
  checkRange(p, range, at);
  if (
    !usualMin ||
    !usualMax ||
    !hardMax ||
    step === undefined ||
    (step && step.value <= 0) ||
    perKg === undefined ||
    (perKg && perKg.value <= 0)
  )
    return undefined;
  return { kind: 'mg-range', usualMin, usualMax, hardMax, step, mgPerKgWarnAbove: perKg };
}

/** The dose rule; its kind must be the one `route` uses (route-mismatch otherwise). */
export function readDose(
  p: ProblemList,
  value: unknown,
  at: string,
  route: Route | undefined,
): DoseRule | undefined {
  if (!isJsonObject(value)) {
    readObject(p, value, at, []);
    return undefined;
  }
  const kind = readOneOf(p, value.kind, `${at}.kind`, doseKinds);
  if (kind === undefined) return undefined;
  if (route !== undefined && doseKindForRoute[route] !== kind) {
    p.push({
      code: 'route-mismatch',
      path: `${at}.kind`,
      text: `Route ${route} is dosed as "${doseKindForRoute[route]}", not "${kind}".`,
    });
  }
  if (kind === 'weight-based') return readWeightBased(p, value, at);
  if (kind === 'fixed-devices') return readFixedDevices(p, value, at);
  return readMgRange(p, value, at);
}

/** Infusion duration: required for IV, null for every other route. */
export function readDuration(
  p: ProblemList,
  value: unknown,
  at: string,
  route: Route | undefined,
): DurationRule | null | undefined {
  if (value === null) {
    if (route === 'iv-racemic')
      p.push({ code: 'missing-field', path: at, text: 'An IV protocol needs a duration.' });
    return route === 'iv-racemic' ? undefined : null;
  }
  if (route !== undefined && route !== 'iv-racemic' && value !== undefined) {
    p.push({
      code: 'route-mismatch',
      path: at,
      text: `Route ${route} is not infused; duration must be null.`,
    });
  }
  const obj = readObject(p, value, at, ['min', 'max', 'default']);
  if (obj === undefined) return undefined;
  const min = positive(p, readValue(p, obj.min, `${at}.min`, 'min'), `${at}.min`);
  const max = readValue(p, obj.max, `${at}.max`, 'min');
  const def = readOptionalValue(p, obj.default, `${at}.default`, 'min');
  checkOrder(p, min, max, `${at}.max`, 'The longest duration must not be below the shortest');
  checkOrder(p, min, def, `${at}.default`, 'The default duration must not be below the shortest');
  checkOrder(p, def, max, `${at}.default`, 'The default duration must not be above the longest');
  if (!min || !max || def === undefined) return undefined;
  return { min, max, default: def };
}
