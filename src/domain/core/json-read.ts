// Readers for untrusted JSON that collect problems (with field paths) instead of throwing; shared by every validator.
import { isoDate, type IsoDate } from './calendar.ts';
import { contentCertainties, type ContentCertainty } from './evidence.ts';
import type { ProblemSink } from './outcome.ts';

/** A JSON object read from untrusted input. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Every code a reader may give; an area's problem list takes a reader when it has the reader's codes. */
export type JsonReadCode =
  | 'missing-field'
  | 'wrong-type'
  | 'unknown-field'
  | 'empty'
  | 'invalid-format'
  | 'unknown-code'
  | 'out-of-range'
  | 'not-integer'
  | 'invalid-date'
  | 'missing-source'
  | 'unknown-certainty';

type Sink<Code extends JsonReadCode> = ProblemSink<Code>;

/** Where a reader of one JSON type reports a missing or mistyped value. */
type TypedSink = Sink<'missing-field' | 'wrong-type'>;

/** True for a plain (non-array, non-null) object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Pushes a missing-field problem when `value` is undefined; readers call it first, so absence reads as missing. */
export function isMissing(problems: Sink<'missing-field'>, value: unknown, path: string): value is undefined {
  if (value !== undefined) return false;
  problems.push({ code: 'missing-field', path, text: `${path} is required.` });
  return true;
}

/** Refuses fields outside `known`, so a misspelt field is reported rather than silently ignored. */
export function checkKnownFields(
  problems: Sink<'unknown-field'>,
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

/** The object at `path`, or a wrong-type problem; with `known`, fields outside it are refused too. */
export function readObject(
  problems: Sink<'missing-field' | 'wrong-type' | 'unknown-field'>,
  value: unknown,
  path: string,
  known?: readonly string[],
): JsonObject | undefined {
  if (isMissing(problems, value, path)) return undefined;
  if (!isJsonObject(value)) {
    problems.push({ code: 'wrong-type', path, text: `${path} must be an object.` });
    return undefined;
  }
  if (known !== undefined) checkKnownFields(problems, value, path, known);
  return value;
}

/** A non-blank string. */
export function readText(
  problems: Sink<'missing-field' | 'wrong-type' | 'empty'>,
  value: unknown,
  path: string,
): string | undefined {
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

/** Text matching `pattern`, described in words by `what` for the problem. */
export function readPattern(
  problems: Sink<'missing-field' | 'wrong-type' | 'empty' | 'invalid-format'>,
  value: unknown,
  path: string,
  pattern: RegExp,
  what: string,
): string | undefined {
  const text = readText(problems, value, path);
  if (text === undefined || pattern.test(text)) return text;
  problems.push({ code: 'invalid-format', path, text: `${path} must be ${what}; got "${text}".` });
  return undefined;
}

/** One of `allowed`, or an unknown-code problem listing them. */
export function readOneOf<T extends string>(
  problems: Sink<'missing-field' | 'unknown-code'>,
  value: unknown,
  path: string,
  allowed: readonly T[],
): T | undefined {
  if (isMissing(problems, value, path)) return undefined;
  const found = allowed.find((a) => a === value);
  if (found === undefined) {
    problems.push({ code: 'unknown-code', path, text: `${path} must be one of ${allowed.join(', ')}.` });
  }
  return found;
}

/** A finite number, or a wrong-type problem that says it must be `what`. */
function readFinite(
  problems: Sink<'missing-field' | 'wrong-type'>,
  value: unknown,
  path: string,
  what: string,
): number | undefined {
  if (isMissing(problems, value, path)) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  problems.push({ code: 'wrong-type', path, text: `${path} must be ${what}.` });
  return undefined;
}

/** A finite number, at least `min` (and at most `max` when given). */
export function readNumber(
  problems: Sink<'missing-field' | 'wrong-type' | 'out-of-range'>,
  value: unknown,
  path: string,
  min: number,
  max = Infinity,
): number | undefined {
  const number = readFinite(problems, value, path, 'a number');
  if (number === undefined || (number >= min && number <= max)) return number;
  const range = max === Infinity ? `at least ${min}` : `from ${min} to ${max}`;
  problems.push({ code: 'out-of-range', path, text: `${path} must be ${range}; got ${number}.` });
  return undefined;
}

/** A whole number from `min` to `max` inclusive. */
export function readInteger(
  problems: Sink<'missing-field' | 'wrong-type' | 'not-integer' | 'out-of-range'>,
  value: unknown,
  path: string,
  min: number,
  max: number,
): number | undefined {
  const number = readFinite(problems, value, path, 'a whole number');
  if (number === undefined) return undefined;
  if (!Number.isInteger(number)) {
    problems.push({ code: 'not-integer', path, text: `${path} must be a whole number; got ${number}.` });
    return undefined;
  }
  if (number >= min && number <= max) return number;
  problems.push({
    code: 'out-of-range',
    path,
    text: `${path} must be from ${min} to ${max}; got ${number}.`,
  });
  return undefined;
}

/** true or false. */
export function readBoolean(problems: TypedSink, value: unknown, path: string): boolean | undefined {
  if (isMissing(problems, value, path)) return undefined;
  if (typeof value === 'boolean') return value;
  problems.push({ code: 'wrong-type', path, text: `${path} must be true or false.` });
  return undefined;
}

/** A list (its items are read by the caller). */
export function readArray(problems: TypedSink, value: unknown, path: string): readonly unknown[] | undefined {
  if (isMissing(problems, value, path)) return undefined;
  if (Array.isArray(value)) return value as readonly unknown[];
  problems.push({ code: 'wrong-type', path, text: `${path} must be a list.` });
  return undefined;
}

/** `read(value)` when the value is not null; null stays null (an explicit "none"). */
export function readNullable<T>(value: unknown, read: (v: unknown) => T | undefined): T | null | undefined {
  return value === null ? null : read(value);
}

/** A date field, or an invalid-date problem when it is not a real 'YYYY-MM-DD' date. */
export function readDate(problems: Sink<'invalid-date'>, value: unknown, path: string): IsoDate | undefined {
  const date = typeof value === 'string' ? isoDate(value) : undefined;
  if (date === undefined) {
    problems.push({ code: 'invalid-date', path, text: `${path} must be a real date written YYYY-MM-DD.` });
  }
  return date;
}

/** A source citation: every piece of clinical content must say where it came from. */
export function readSource(
  problems: Sink<'missing-source'>,
  value: unknown,
  path: string,
): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  problems.push({
    code: 'missing-source',
    path,
    text: `${path} must cite a source (or say it is the product's synthesis).`,
  });
  return undefined;
}

/** A content certainty marker (decision 014). */
export function readCertainty(
  problems: Sink<'missing-field' | 'unknown-certainty'>,
  value: unknown,
  path: string,
): ContentCertainty | undefined {
  if (isMissing(problems, value, path)) return undefined;
  const found = contentCertainties.find((c) => c === value);
  if (found === undefined) {
    problems.push({
      code: 'unknown-certainty',
      path,
      text: `${path} must be one of ${contentCertainties.join(', ')}.`,
    });
  }
  return found;
}
