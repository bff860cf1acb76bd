import { describe, expect, it } from 'vitest';
import {
  checkKnownFields,
  isJsonObject,
  readArray,
  readBoolean,
  readCertainty,
  readDate,
  readInteger,
  readNullable,
  readNumber,
  readObject,
  readOneOf,
  readPattern,
  readSource,
  readText,
  type JsonReadCode,
} from './json-read.ts';
import type { Problem } from './outcome.ts';

/** Runs a reader on a fresh problem list; gives the value and the codes it pushed. */
function read<T>(reader: (problems: Problem<JsonReadCode>[]) => T): { value: T; codes: string[] } {
  const problems: Problem<JsonReadCode>[] = [];
  const value = reader(problems);
  return { value, codes: problems.map((p) => p.code) };
}

describe('reading untrusted JSON', () => {
  it('tells a plain object from an array and from null', () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
  });

  it('reports a missing field as missing, whatever was asked for', () => {
    for (const reader of [readText, readBoolean, readArray, readObject] as const) {
      expect(read((p) => reader(p, undefined, 'x')).codes).toEqual(['missing-field']);
    }
    expect(read((p) => readNumber(p, undefined, 'x', 0)).codes).toEqual(['missing-field']);
  });

  it('reads an object and, given the known fields, refuses a misspelt one with its path', () => {
    const problems: Problem<JsonReadCode>[] = [];
    expect(readObject(problems, { a: 1, b: 2 }, 'pack', ['a'])).toEqual({ a: 1, b: 2 });
    expect(problems).toEqual([{ code: 'unknown-field', path: 'pack.b', text: 'pack has no field "b".' }]);
    expect(read((p) => readObject(p, [], 'pack')).codes).toEqual(['wrong-type']);
    expect(read((p) => readObject(p, { b: 2 }, 'pack')).codes).toEqual([]);
  });

  it('checks known fields on an object already read', () => {
    const problems: Problem<JsonReadCode>[] = [];
    checkKnownFields(problems, { a: 1, c: 3 }, 'rule', ['a', 'b']);
    expect(problems.map((p) => p.path)).toEqual(['rule.c']);
  });

  it('reads text, refusing a non-string and a blank one', () => {
    expect(read((p) => readText(p, 'ok', 'x'))).toEqual({ value: 'ok', codes: [] });
    expect(read((p) => readText(p, 3, 'x')).codes).toEqual(['wrong-type']);
    expect(read((p) => readText(p, '  ', 'x')).codes).toEqual(['empty']);
  });

  it('reads text of a pattern, saying what was expected', () => {
    expect(read((p) => readPattern(p, '1.2.3', 'v', /^\d+\.\d+\.\d+$/, 'a version')).value).toBe('1.2.3');
    const problems: Problem<JsonReadCode>[] = [];
    readPattern(problems, 'one', 'v', /^\d+$/, 'digits');
    expect(problems).toEqual([{ code: 'invalid-format', path: 'v', text: 'v must be digits; got "one".' }]);
  });

  it('reads one of a closed list, listing the list when the value is not in it', () => {
    expect(read((p) => readOneOf(p, 'mg', 'unit', ['mg', 'mL'])).value).toBe('mg');
    const problems: Problem<JsonReadCode>[] = [];
    readOneOf(problems, 'g', 'unit', ['mg', 'mL']);
    expect(problems).toEqual([{ code: 'unknown-code', path: 'unit', text: 'unit must be one of mg, mL.' }]);
  });

  it('reads a number at its edges: the minimum and maximum are allowed, one beyond is not', () => {
    expect(read((p) => readNumber(p, 0, 'x', 0)).value).toBe(0);
    expect(read((p) => readNumber(p, -0.01, 'x', 0)).codes).toEqual(['out-of-range']);
    expect(read((p) => readNumber(p, 10, 'x', 0, 10)).value).toBe(10);
    expect(read((p) => readNumber(p, 10.01, 'x', 0, 10)).codes).toEqual(['out-of-range']);
    expect(read((p) => readNumber(p, Number.NaN, 'x', 0)).codes).toEqual(['wrong-type']);
    expect(read((p) => readNumber(p, '3', 'x', 0)).codes).toEqual(['wrong-type']);
  });

  it('says the range in words: "at least" without a maximum, "from … to" with one', () => {
    const low: Problem<JsonReadCode>[] = [];
    readNumber(low, -1, 'x', 0);
    expect(low[0]?.text).toBe('x must be at least 0; got -1.');
    const high: Problem<JsonReadCode>[] = [];
    readNumber(high, 11, 'x', 0, 10);
    expect(high[0]?.text).toBe('x must be from 0 to 10; got 11.');
  });

  it('reads a whole number in range, refusing a fraction and each side of the range', () => {
    expect(read((p) => readInteger(p, 3, 'x', 0, 3)).value).toBe(3);
    expect(read((p) => readInteger(p, 4, 'x', 0, 3)).codes).toEqual(['out-of-range']);
    expect(read((p) => readInteger(p, -1, 'x', 0, 3)).codes).toEqual(['out-of-range']);
    expect(read((p) => readInteger(p, 1.5, 'x', 0, 3)).codes).toEqual(['not-integer']);
    expect(read((p) => readInteger(p, 'one', 'x', 0, 3)).codes).toEqual(['wrong-type']);
  });

  it('reads true or false, and a list', () => {
    expect(read((p) => readBoolean(p, false, 'x')).value).toBe(false);
    expect(read((p) => readBoolean(p, 'yes', 'x')).codes).toEqual(['wrong-type']);
    expect(read((p) => readArray(p, [1], 'x')).value).toEqual([1]);
    expect(read((p) => readArray(p, {}, 'x')).codes).toEqual(['wrong-type']);
  });

  it('keeps an explicit null as "none" and reads anything else', () => {
    expect(readNullable(null, () => 1)).toBeNull();
    expect(readNullable('a', (v) => (typeof v === 'string' ? v : undefined))).toBe('a');
  });

  it('reads a real date and refuses an impossible one', () => {
    expect(read((p) => readDate(p, '2024-02-29', 'on')).value).toBe('2024-02-29');
    expect(read((p) => readDate(p, '2026-02-29', 'on')).codes).toEqual(['invalid-date']);
    expect(read((p) => readDate(p, 20260101, 'on')).codes).toEqual(['invalid-date']);
  });

  it('requires a source citation and a content certainty', () => {
    expect(read((p) => readSource(p, 'harm.md §2.2', 's')).value).toBe('harm.md §2.2');
    expect(read((p) => readSource(p, ' ', 's')).codes).toEqual(['missing-source']);
    expect(read((p) => readCertainty(p, 'synthesis', 'c')).value).toBe('synthesis');
    expect(read((p) => readCertainty(p, 'local', 'c')).codes).toEqual(['unknown-certainty']);
    expect(read((p) => readCertainty(p, undefined, 'c')).codes).toEqual(['missing-field']);
  });
});
