// Readers for a protocol's sourced numbers, yes/no rules and alert thresholds, checking each number's unit.
import { readBasis, readSourced } from './read-sourced.ts';
import { readBoolean, readNullable, readNumber, readObject, readOneOf } from '../core/json-read.ts';
import type { ProblemList } from './problems.ts';
import type {
  AlertSeverity,
  AlertThreshold,
  Comparator,
  ProtocolValue,
  Requirement,
  ValueUnit,
} from './protocol-types.ts';

const VALUE_FIELDS = ['value', 'unit', 'basis', 'source', 'certainty'];
const comparators: readonly Comparator[] = ['>', '>=', '<', '<='];
const severities: readonly AlertSeverity[] = ['warning', 'urgent'];

function readUnit<U extends ValueUnit>(p: ProblemList, value: unknown, path: string, unit: U): U | undefined {
  if (value === unit) return unit;
  p.push({
    code: 'unit-mismatch',
    path,
    text: `${path} must be "${unit}"; got ${JSON.stringify(value)}.`,
  });
  return undefined;
}

function valueFrom<U extends ValueUnit>(
  p: ProblemList,
  obj: Readonly<Record<string, unknown>>,
  path: string,
  unit: U,
): ProtocolValue<U> | undefined {
  const value = readNumber(p, obj.value, `${path}.value`, 0);
  const checkedUnit = readUnit(p, obj.unit, `${path}.unit`, unit);
  const basis = readBasis(p, obj.basis, `${path}.basis`);
  const sourced = readSourced(p, obj, path);
  return value === undefined || checkedUnit === undefined
    ? undefined
    : { value, unit: checkedUnit, basis, ...sourced };
}

/** A sourced number in `unit`; a number written in another unit is refused with unit-mismatch. */
export function readValue<U extends ValueUnit>(
  p: ProblemList,
  value: unknown,
  path: string,
  unit: U,
): ProtocolValue<U> | undefined {
  const obj = readObject(p, value, path, VALUE_FIELDS);
  return obj === undefined ? undefined : valueFrom(p, obj, path, unit);
}

/** A sourced number or null. */
export function readOptionalValue<U extends ValueUnit>(
  p: ProblemList,
  value: unknown,
  path: string,
  unit: U,
): ProtocolValue<U> | null | undefined {
  return readNullable(value, (v) => readValue(p, v, path, unit));
}

/** A yes/no rule with its basis and source; `extra` names further fields the caller reads itself. */
export function readRequirement(
  p: ProblemList,
  value: unknown,
  path: string,
  extra: readonly string[] = [],
): Requirement | undefined {
  const obj = readObject(p, value, path, ['required', 'basis', 'source', 'certainty', ...extra]);
  if (obj === undefined) return undefined;
  return {
    required: readBoolean(p, obj.required, `${path}.required`) ?? true,
    basis: readBasis(p, obj.basis, `${path}.basis`),
    ...readSourced(p, obj, path),
  };
}

/** An alert threshold in `unit`, or null when the alert is switched off. */
export function readThreshold<U extends ValueUnit>(
  p: ProblemList,
  value: unknown,
  path: string,
  unit: U,
): AlertThreshold<U> | null | undefined {
  return readNullable(value, (v) => {
    const obj = readObject(p, v, path, [...VALUE_FIELDS, 'comparator', 'severity']);
    if (obj === undefined) return undefined;
    const read = valueFrom(p, obj, path, unit);
    const comparator = readOneOf(p, obj.comparator, `${path}.comparator`, comparators);
    const severity = readOneOf(p, obj.severity, `${path}.severity`, severities);
    return read && comparator && severity ? { ...read, comparator, severity } : undefined;
  });
}

/** Pushes inconsistent-range when `low` is above `high` (both already read). */
export function checkOrder(
  p: ProblemList,
  low: { readonly value: number } | null | undefined,
  high: { readonly value: number } | null | undefined,
  path: string,
  text: string,
): void {
  if (low && high && low.value > high.value) {
    p.push({ code: 'inconsistent-range', path, text: `${text} (${low.value} > ${high.value}).` });
  }
}
