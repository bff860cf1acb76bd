// Date search ranges and prefixes (R4 search.html#date), including zones and each prefix's edges.
import { describe, expect, it } from 'vitest';
import { dateMatches, datePrefix, dateRange } from './dates.ts';

const at = (iso: string) => Date.parse(iso);

describe('dateRange', () => {
  it.each([
    ['2026', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'],
    ['2026-02', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'],
    ['2026-12', '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z'],
    ['2026-03-02', '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z'],
    ['2026-03-02T10:15Z', '2026-03-02T10:15:00Z', '2026-03-02T10:16:00Z'],
    ['2026-03-02T10:15:30Z', '2026-03-02T10:15:30Z', '2026-03-02T10:15:31Z'],
    ['2026-03-02T10:15:30+01:00', '2026-03-02T09:15:30Z', '2026-03-02T09:15:31Z'],
    ['2026-03-02T10:15:30-05:30', '2026-03-02T15:45:30Z', '2026-03-02T15:45:31Z'],
    ['2026-03-02T00:15:00-00:30', '2026-03-02T00:45:00Z', '2026-03-02T00:45:01Z'],
  ])('reads %s as [%s, %s)', (value, lo, hi) => {
    expect(dateRange(value)).toEqual({ lo: at(lo), hi: at(hi) });
  });

  it('keeps a fraction of a second to the millisecond', () => {
    expect(dateRange('2026-03-02T10:15:30.250Z')).toEqual({
      lo: at('2026-03-02T10:15:30.250Z'),
      hi: at('2026-03-02T10:15:30.250Z') + 1,
    });
  });

  it.each([
    '',
    '26',
    '2026-13',
    '2026-02-30',
    '2026-03-02T25:00Z',
    '2026-03-02T10:60Z',
    '02/03/2026',
    'today',
  ])('refuses %j', (value) => {
    expect(dateRange(value)).toBeNull();
  });
});

describe('datePrefix', () => {
  it.each([
    ['ge2026-03-01', 'ge', '2026-03-01'],
    ['2026-03-01', 'eq', '2026-03-01'],
    ['sa2026', 'sa', '2026'],
    ['ap2026-03', 'ap', '2026-03'],
    ['xx2026', 'eq', 'xx2026'],
  ])('splits %s', (raw, prefix, value) => {
    expect(datePrefix(raw)).toEqual({ prefix, value });
  });
});

describe('dateMatches', () => {
  const day = dateRange('2026-03-02')!;
  const noon = dateRange('2026-03-02T12:00:00Z')!;
  const before = dateRange('2026-03-01T23:59:59Z')!;
  const after = dateRange('2026-03-03T00:00:00Z')!;
  it.each([
    ['eq', noon, true],
    ['eq', before, false],
    ['eq', after, false],
    ['ne', noon, false],
    ['ne', after, true],
    ['gt', after, true],
    ['gt', noon, false],
    ['lt', before, true],
    ['lt', noon, false],
    ['ge', noon, true],
    ['ge', after, true],
    ['ge', before, false],
    ['le', noon, true],
    ['le', before, true],
    ['le', after, false],
    ['sa', after, true],
    ['sa', noon, false],
    ['eb', before, true],
    ['eb', noon, false],
    ['ap', before, true],
    ['ap', dateRange('2026-03-05')!, false],
  ] as const)('%s 2026-03-02 matches %o: %s', (prefix, target, expected) => {
    expect(dateMatches(target, prefix, day)).toBe(expected);
  });

  it('compares across zones: 00:30+01:00 on the 2nd is the 1st in UTC', () => {
    expect(dateMatches(dateRange('2026-03-02T00:30:00+01:00')!, 'eq', day)).toBe(false);
    expect(dateMatches(dateRange('2026-03-02T00:30:00+01:00')!, 'eq', dateRange('2026-03-01')!)).toBe(true);
  });
});
