// Reading a FHIR query into conditions and matching resources: tokens, accent-free names, references, dates,
// unknown parameters and modifiers, and sorting.
import { describe, expect, it } from 'vitest';
import { dateRange } from './dates.ts';
import { matches, parseSearch, sortKeys, sortResources, type SearchParam } from './params.ts';

interface Person {
  id: string;
  ids: { system?: string; code: string }[];
  family: string;
  born: string;
  org: string;
}

const params: SearchParam<Person>[] = [
  { name: '_id', type: 'token', description: 'id', values: (p) => [{ code: p.id }] },
  { name: 'identifier', type: 'token', description: 'ids', values: (p) => p.ids },
  { name: 'family', type: 'string', description: 'family name', values: (p) => [p.family] },
  { name: 'birthdate', type: 'date', description: 'born', values: (p) => [dateRange(p.born)!] },
  { name: 'organization', type: 'reference', description: 'org', values: (p) => [`Organization/${p.org}`] },
];

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const mejia: Person = {
  id: 'a',
  ids: [{ system: NHS, code: '9000000009' }, { code: 'local-7' }],
  family: 'Mejía',
  born: '1980-03-12',
  org: 's1',
};
const hoeger: Person = { id: 'b', ids: [], family: 'Hoeger', born: '1975-01-02', org: 's2' };

const find = (query: Record<string, string | string[]>) => {
  const parsed = parseSearch(query, params);
  return [mejia, hoeger].filter((p) => matches(p, parsed.conditions, params)).map((p) => p.id);
};

describe('search conditions', () => {
  it.each([
    [{ identifier: `${NHS}|9000000009` }, ['a']],
    [{ identifier: '9000000009' }, ['a']],
    [{ identifier: `${NHS}|` }, ['a']],
    [{ identifier: '|local-7' }, ['a']],
    [{ identifier: '|9000000009' }, []],
    [{ identifier: `other|9000000009` }, []],
    [{ family: 'mejia' }, ['a']],
    [{ family: 'MEJ' }, ['a']],
    [{ 'family:exact': 'Mejia' }, []],
    [{ 'family:exact': 'Mejía' }, ['a']],
    [{ 'family:contains': 'oeg' }, ['b']],
    [{ family: 'mejia,hoeger' }, ['a', 'b']],
    [{ family: ['m', 'h'] }, []],
    [{ birthdate: 'ge1980-01-01' }, ['a']],
    [{ birthdate: '1975' }, ['b']],
    [{ birthdate: ['ge1970', 'lt1980'] }, ['b']],
    [{ organization: 'Organization/s2' }, ['b']],
    [{ organization: 's1' }, ['a']],
    [{ _id: 'b' }, ['b']],
    [{ _count: '1', _sort: 'family' }, ['a', 'b']],
  ])('%o finds %o', (query, ids) => {
    expect(find(query)).toEqual(ids);
  });

  it('reports unknown parameters and modifiers instead of ignoring them', () => {
    const parsed = parseSearch({ colour: 'blue', 'family:missing': 'true', family: 'x' }, params);
    expect(parsed.unknown.map((u) => u.param)).toEqual(['colour', 'family:missing']);
    expect(parsed.conditions).toHaveLength(1);
  });

  it('refuses a date it cannot read', () => {
    expect(parseSearch({ birthdate: 'ge12/03/1980' }, params).invalid).toEqual([
      { param: 'birthdate', why: '"ge12/03/1980" is not a FHIR date or dateTime' },
    ]);
  });
});

describe('sorting', () => {
  it('sorts by a parameter either way and reports unknown keys', () => {
    const { keys, unknown } = sortKeys('-birthdate,shoe', params);
    expect(unknown).toEqual(['shoe']);
    expect(sortResources([hoeger, mejia], keys).map((p) => p.id)).toEqual(['a', 'b']);
    expect(sortResources([mejia, hoeger], sortKeys('family', params).keys).map((p) => p.id)).toEqual([
      'b',
      'a',
    ]);
  });
});
