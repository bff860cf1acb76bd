// Readers for untrusted protocol JSON that collect problems (with paths) instead of throwing.
import { bases, certainties, type Basis, type Certainty, type TreatmentProblem } from './problems.ts';

/** A JSON object read from untrusted input. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Problems found so far; readers push onto it and return undefined for a value they refused. */
export type ProblemList = TreatmentProblem[];

/** True for a plain (non-array, non-null) object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMissing(p: ProblemList, value: unknown, path: string): value is undefined {
  if (value !== undefined) return false;
  p.push({ code: 'missing-field', path, text: `${path} is required.` });
  return true;
}

/** The object at `path`, refusing fields outside `known` so a misspelt field is reported, not ignored. */
export function readObject(
  p: ProblemList,
  value: unknown,
  path: string,
  known: readonly string[],
): JsonObject | undefined {
  if (isMissing(p, value, path)) return undefined;
  if (!isJsonObject(value)) {
    p.push({ code: 'wrong-type', path, text: `${path} must be an object.` });
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      p.push({ code: 'unknown-field', path: `${path}.${key}`, text: `${path} has no field "${key}".` });
    }
  }
  return value;
}

/** A non-blank string. */
export function readText(p: ProblemList, value: unknown, path: string): string | undefined {
  if (isMissing(p, value, path)) return undefined;
  if (typeof value !== 'string') {
    p.push({ code: 'wrong-type', path, text: `${path} must be text.` });
    return undefined;
  }
  if (value.trim() === '') {
    p.push({ code: 'empty', path, text: `${path} must not be blank.` });
    return undefined;
  }
  return value;
}

/** Text matching `pattern`, described in words by `what` for the problem. */
export function readPattern(
  p: ProblemList,
  value: unknown,
  path: string,
  pattern: RegExp,
  what: string,
): string | undefined {
  const text = readText(p, value, path);
  if (text === undefined || pattern.test(text)) return text;
  p.push({ code: 'invalid-format', path, text: `${path} must be ${what}; got "${text}".` });
  return undefined;
}

/** One of `allowed`, or an unknown-code problem listing them. */
export function readOneOf<T extends string>(
  p: ProblemList,
  value: unknown,
  path: string,
  allowed: readonly T[],
): T | undefined {
  if (isMissing(p, value, path)) return undefined;
  const found = allowed.find((a) => a === value);
  if (found === undefined) {
    p.push({ code: 'unknown-code', path, text: `${path} must be one of ${allowed.join(', ')}.` });
  }
  return found;
}

/** A finite number, at least `min` (and at most `max` when given). */
export function readNumber(
  p: ProblemList,
  value: unknown,
  path: string,
  min: number,
  max = Infinity,
): number | undefined {
  if (isMissing(p, value, path)) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    p.push({ code: 'wrong-type', path, text: `${path} must be a number.` });
    return undefined;
  }
  if (value < min || value > max) {
    const range = max === Infinity ? `at least ${min}` : `from ${min} to ${max}`;
    p.push({ code: 'out-of-range', path, text: `${path} must be ${range}; got ${value}.` });
    return undefined;
  }
  return value;
}

/** true or false. */
export function readBoolean(p: ProblemList, value: unknown, path: string): boolean | undefined {
  if (isMissing(p, value, path)) return undefined;
  if (typeof value === 'boolean') return value;
  p.push({ code: 'wrong-type', path, text: `${path} must be true or false.` });
  return undefined;
}

/** A list (its items are read by the caller). */
export function readArray(p: ProblemList, value: unknown, path: string): readonly unknown[] | undefined {
  if (isMissing(p, value, path)) return undefined;
  if (Array.isArray(value)) return value as readonly unknown[];
  p.push({ code: 'wrong-type', path, text: `${path} must be a list.` });
  return undefined;
}

/** `read(value)` when the value is not null; null stays null (an explicit "none"). */
export function readNullable<T>(value: unknown, read: (v: unknown) => T | undefined): T | null | undefined {
  return value === null ? null : read(value);
}

/** The source and certainty every piece of clinical content carries. */
export function readSourced(
  p: ProblemList,
  obj: JsonObject,
  path: string,
): { source: string; certainty: Certainty } {
  const source = obj.source;
  if (typeof source !== 'string' || source.trim() === '') {
    p.push({
      code: 'missing-source',
      path: `${path}.source`,
      text: `${path}.source must cite a source (or say it is KASPR's synthesis).`,
    });
  }
  const certainty = certainties.find((c) => c === obj.certainty);
  if (certainty === undefined) {
    p.push({
      code: 'unknown-certainty',
      path: `${path}.certainty`,
      text: `${path}.certainty must be one of ${certainties.join(', ')}.`,
    });
  }
  return { source: typeof source === 'string' ? source : '', certainty: certainty ?? 'unverified' };
}

/** Whether a number is a fact or a setting. */
export function readBasis(p: ProblemList, value: unknown, path: string): Basis {
  return readOneOf(p, value, path, bases) ?? 'setting';
}
