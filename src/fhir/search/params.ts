// FHIR search parameters: what each resource type can be searched by, how a query is read into conditions, and
// how a resource is matched and ordered by them (R4 search.html). Unknown parameters are reported, never ignored
// silently: as an outcome entry, or a 400 with `Prefer: handling=strict`.
import { dateMatches, datePrefix, dateRange, type DateRange } from './dates.ts';

export type ParamType = 'token' | 'string' | 'date' | 'reference';

/** A token as a resource holds it: a coding, an identifier or a code. */
export interface TokenValue {
  system?: string | undefined;
  code: string;
}

interface ValuesOf {
  token: TokenValue[];
  string: string[];
  date: DateRange[];
  reference: string[];
}

/** One search parameter of a resource type: its name, type, description and how to read its values. */
export type SearchParam<R> = {
  [T in ParamType]: { name: string; type: T; description: string; values: (resource: R) => ValuesOf[T] };
}[ParamType];

/** Parameters that shape the result rather than select resources. */
export const RESULT_PARAMS = ['_count', '_offset', '_sort', '_summary', '_include', '_revinclude', '_format'];

const MODIFIERS: Record<ParamType, readonly string[]> = {
  token: [],
  string: ['exact', 'contains'],
  date: [],
  reference: [],
};

/** One condition: a parameter, its modifier and the values any of which may match (comma-separated = or). */
export interface Condition {
  param: string;
  modifier?: string | undefined;
  values: string[];
}

export interface ParsedSearch {
  conditions: Condition[];
  /** Parameters that were not understood, with why: reported as an outcome (or refused when strict). */
  unknown: { param: string; why: string }[];
  /** Values that cannot be read (a bad date): always refused. */
  invalid: { param: string; why: string }[];
}

/** Reads a query into conditions on `params`; repeated parameters are and-ed. */
export function parseSearch<R>(
  query: Readonly<Record<string, string | string[] | undefined>>,
  params: readonly SearchParam<R>[],
): ParsedSearch {
  const out: ParsedSearch = { conditions: [], unknown: [], invalid: [] };
  for (const [key, raw] of Object.entries(query)) {
    if (raw === undefined || RESULT_PARAMS.includes(key)) continue;
    const [name = '', modifier] = key.split(':');
    const def = params.find((p) => p.name === name);
    if (!def) {
      out.unknown.push({ param: key, why: `Unknown search parameter "${name}"` });
      continue;
    }
    if (modifier !== undefined && !MODIFIERS[def.type].includes(modifier)) {
      out.unknown.push({ param: key, why: `Modifier ":${modifier}" is not supported on "${name}"` });
      continue;
    }
    for (const value of [raw].flat()) {
      const values = value.split(',').filter((v) => v !== '');
      if (values.length === 0) continue;
      if (def.type === 'date') {
        const bad = values.find((v) => dateRange(datePrefix(v).value) === null);
        if (bad !== undefined) {
          out.invalid.push({ param: key, why: `"${bad}" is not a FHIR date or dateTime` });
          continue;
        }
      }
      out.conditions.push({ param: name, modifier, values });
    }
  }
  return out;
}

/** Lower case without accents, so `mejia` finds Mejía. */
export const folded = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function tokenMatches(have: TokenValue, want: string): boolean {
  const bar = want.indexOf('|');
  if (bar < 0) return have.code === want;
  const system = want.slice(0, bar);
  const code = want.slice(bar + 1);
  if (system === '') return have.system === undefined && have.code === code;
  if (code === '') return have.system === system;
  return have.system === system && have.code === code;
}

function stringMatches(have: string, want: string, modifier: string | undefined): boolean {
  if (modifier === 'exact') return have === want;
  if (modifier === 'contains') return folded(have).includes(folded(want));
  return folded(have).startsWith(folded(want));
}

function referenceMatches(have: string, want: string): boolean {
  return want.includes('/') ? have === want || have.endsWith(`/${want}`) : have.endsWith(`/${want}`);
}

function conditionHolds<R>(resource: R, def: SearchParam<R>, c: Condition): boolean {
  switch (def.type) {
    case 'token': {
      const have = def.values(resource);
      return c.values.some((w) => have.some((h) => tokenMatches(h, w)));
    }
    case 'string': {
      const have = def.values(resource);
      return c.values.some((w) => have.some((h) => stringMatches(h, w, c.modifier)));
    }
    case 'reference': {
      const have = def.values(resource);
      return c.values.some((w) => have.some((h) => referenceMatches(h, w)));
    }
    case 'date': {
      const have = def.values(resource);
      return c.values.some((w) => {
        const { prefix, value } = datePrefix(w);
        const range = dateRange(value);
        return range !== null && have.some((h) => dateMatches(h, prefix, range));
      });
    }
  }
}

/** Whether a resource meets every condition. */
export function matches<R>(resource: R, conditions: readonly Condition[], params: readonly SearchParam<R>[]) {
  return conditions.every((c) => {
    const def = params.find((p) => p.name === c.param);
    return def !== undefined && conditionHolds(resource, def, c);
  });
}

/** The `_sort` keys that name a parameter, with direction; the others are reported as unknown. */
export function sortKeys<R>(
  sort: string | string[] | undefined,
  params: readonly SearchParam<R>[],
): { keys: { def: SearchParam<R>; descending: boolean }[]; unknown: string[] } {
  const keys: { def: SearchParam<R>; descending: boolean }[] = [];
  const unknown: string[] = [];
  for (const key of [sort ?? []].flat().flatMap((s) => s.split(','))) {
    if (key === '') continue;
    const descending = key.startsWith('-');
    const def = params.find((p) => p.name === (descending ? key.slice(1) : key));
    if (def) keys.push({ def, descending });
    else unknown.push(key);
  }
  return { keys, unknown };
}

function sortValue<R>(resource: R, def: SearchParam<R>): number | string | undefined {
  switch (def.type) {
    case 'date':
      return def.values(resource)[0]?.lo;
    case 'token':
      return def.values(resource)[0]?.code;
    case 'string':
      return def.values(resource).map(folded)[0];
    case 'reference':
      return def.values(resource)[0];
  }
}

/** Orders resources by the sort keys; resources without a value go last; ties keep their order. */
export function sortResources<R>(resources: R[], keys: { def: SearchParam<R>; descending: boolean }[]): R[] {
  if (keys.length === 0) return resources;
  const rows = resources.map((r, i) => ({ r, i, v: keys.map((k) => sortValue(r, k.def)) }));
  rows.sort((a, b) => {
    for (const [n, key] of keys.entries()) {
      const x = a.v[n];
      const y = b.v[n];
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const order = x < y ? -1 : 1;
      return key.descending ? -order : order;
    }
    return a.i - b.i;
  });
  return rows.map((row) => row.r);
}
