// Small readers shared by the content-pack validators: ids, levels, sources, lists of objects, references.
import {
  readArray,
  readCertainty,
  readObject,
  readSource,
  readText,
  type JsonObject,
} from '../core/json-read.ts';
import type { ProblemList } from './problems.ts';
import type { LevelNumber, Sourced } from './pack-types.ts';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** A lower-case, hyphenated identifier. */
export function readId(p: ProblemList, value: unknown, path: string): string | undefined {
  const text = readText(p, value, path);
  if (text === undefined || ID_PATTERN.test(text)) return text;
  p.push({
    code: 'invalid-format',
    path,
    text: `${path} must be lower-case letters, digits and hyphens; got "${text}".`,
  });
  return undefined;
}

/** A level of need: a whole number from 1 to 4. */
export function readLevel(p: ProblemList, value: unknown, path: string): LevelNumber | undefined {
  if (value === 1 || value === 2 || value === 3 || value === 4) return value;
  p.push({
    code: 'level-out-of-range',
    path,
    text: `${path} must be a level from 1 to 4; got ${JSON.stringify(value)}.`,
  });
  return undefined;
}

/** The source and certainty every piece of content carries. */
export function readSourced(p: ProblemList, obj: JsonObject, path: string): Sourced {
  return {
    source: readSource(p, obj.source, `${path}.source`) ?? '',
    certainty: readCertainty(p, obj.certainty, `${path}.certainty`) ?? 'unverified',
  };
}

/** Reads each object of a list with `read`, refusing repeated ids (`key` names the id field). */
export function readEach<T>(
  p: ProblemList,
  value: unknown,
  path: string,
  key: string,
  read: (obj: JsonObject, itemPath: string) => T,
): T[] {
  const seen = new Set<unknown>();
  const out: T[] = [];
  (readArray(p, value, path) ?? []).forEach((item, i) => {
    const itemPath = `${path}.${i}`;
    const obj = readObject(p, item, itemPath);
    if (obj === undefined) return;
    const id = obj[key];
    if (id !== undefined && seen.has(id)) {
      p.push({
        code: 'duplicate-id',
        path: `${itemPath}.${key}`,
        text: `${JSON.stringify(id)} is defined more than once in ${path}.`,
      });
    }
    seen.add(id);
    out.push(read(obj, itemPath));
  });
  return out;
}

/** Checks that every id in `ids` names a defined intervention. */
export function checkInterventionIds(
  p: ProblemList,
  value: unknown,
  path: string,
  defined: readonly string[],
): string[] {
  const ids = readArray(p, value, path) ?? [];
  return ids.flatMap((id, i) => {
    if (typeof id === 'string' && defined.includes(id)) return [id];
    p.push({
      code: 'undefined-intervention',
      path: `${path}.${i}`,
      text: `Intervention ${JSON.stringify(id)} is referenced but not defined in the pack's interventions.`,
    });
    return [];
  });
}
