// Readers for untrusted JSON that collect problems (with paths) instead of throwing; used by both validators.
import { certainties, type Certainty, type HarmProblem } from './problems.ts';

/** A JSON object read from untrusted input. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Problems found so far; readers push onto it and return undefined for a value they refused. */
export type ProblemList = HarmProblem[];

/** True for a plain (non-array, non-null) object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Pushes a missing-field problem when `value` is undefined; readers call it first, so absence reads as missing. */
export function isMissing(problems: ProblemList, value: unknown, path: string): value is undefined {
  if (value !== undefined) return false;
  problems.push({ code: 'missing-field', path, text: `${path} is required.` });
  return true;
}

/** The object at `path`, or a wrong-type problem. */
export function readObject(problems: ProblemList, value: unknown, path: string): JsonObject | undefined {
  if (isMissing(problems, value, path)) return undefined;
  if (isJsonObject(value)) return value;
  problems.push({ code: 'wrong-type', path, text: `${path} must be an object.` });
  return undefined;
}

/** Refuses fields outside `known`, so a misspelt field is reported rather than silently ignored. */
export function checkKnownFields(
  problems: ProblemList,
  obj: JsonObject,
  path: string,
  known: readonly string[],
): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) {
      problems.push({
        code: 'unknown-field',
        path: `${path}.${key}`,
        text: `${path} has no field "${key}".`,
      });
    }
  }
}

/** A non-blank string. */
export function readText(problems: ProblemList, value: unknown, path: string): string | undefined {
  if (isMissing(problems, value, path)) return undefined;
  if (typeof value !== 'string') {
    problems.push({ code: 'wrong-type', path, text: `${path} must be text.` });
    return undefined;
  }
  if (value.trim() === '') {
    problems.push({ code: 'empty', path, text: `${path} must not be blank.` });
    return undefined;
  }
  return value;
}

/** A source citation: every piece of clinical content must say where it came from. */
export function readSource(problems: ProblemList, value: unknown, path: string): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  problems.push({
    code: 'missing-source',
    path,
    text: `${path} must cite a source (or say it is the product's synthesis).`,
  });
  return undefined;
}

/** A certainty marker. */
export function readCertainty(problems: ProblemList, value: unknown, path: string): Certainty | undefined {
  if (isMissing(problems, value, path)) return undefined;
  const found = certainties.find((c) => c === value);
  if (found === undefined) {
    problems.push({
      code: 'unknown-certainty',
      path,
      text: `${path} must be one of ${certainties.join(', ')}.`,
    });
  }
  return found;
}

/** A finite number no lower than `min`. */
export function readNumber(
  problems: ProblemList,
  value: unknown,
  path: string,
  min: number,
): number | undefined {
  if (isMissing(problems, value, path)) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push({ code: 'wrong-type', path, text: `${path} must be a number.` });
    return undefined;
  }
  if (value < min) {
    problems.push({ code: 'out-of-range', path, text: `${path} must be at least ${min}; got ${value}.` });
    return undefined;
  }
  return value;
}

/** A whole number from `min` to `max` inclusive. */
export function readInteger(
  problems: ProblemList,
  value: unknown,
  path: string,
  min: number,
  max: number,
): number | undefined {
  if (isMissing(problems, value, path)) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push({ code: 'wrong-type', path, text: `${path} must be a whole number.` });
    return undefined;
  }
  if (!Number.isInteger(value)) {
    problems.push({ code: 'not-integer', path, text: `${path} must be a whole number; got ${value}.` });
    return undefined;
  }
  if (value < min || value > max) {
    problems.push({
      code: 'out-of-range',
      path,
      text: `${path} must be from ${min} to ${max}; got ${value}.`,
    });
    return undefined;
  }
  return value;
}

/** true or false. */
export function readBoolean(problems: ProblemList, value: unknown, path: string): boolean | undefined {
  if (isMissing(problems, value, path)) return undefined;
  if (typeof value === 'boolean') return value;
  problems.push({ code: 'wrong-type', path, text: `${path} must be true or false.` });
  return undefined;
}

/** An array (its items are read by the caller). */
export function readArray(
  problems: ProblemList,
  value: unknown,
  path: string,
): readonly unknown[] | undefined {
  if (isMissing(problems, value, path)) return undefined;
  if (Array.isArray(value)) return value as readonly unknown[];
  problems.push({ code: 'wrong-type', path, text: `${path} must be a list.` });
  return undefined;
}
