import { describe, expect, it } from 'vitest';
import { d } from './test-fixtures.ts';
import { topColumns, topRows, type TopSource } from './top-export.ts';

const source = (clientId: string, on: string, changes: Partial<TopSource> = {}): TopSource => ({
  clientId,
  birthDate: d('1990-05-01'),
  sex: 'female',
  keyWorker: 'K. Worker',
  interviewDate: d(on),
  daysUsedLast28: 20,
  psychologicalHealth: 8,
  physicalHealth: 9,
  qualityOfLife: 10,
  ...changes,
});

describe('TOP-compatible rows', () => {
  it('makes the first assessment of each client the Start and later ones Reviews, in client and date order', () => {
    const rows = topRows([
      source('b', '2026-03-01'),
      source('a', '2026-06-01', { daysUsedLast28: 4 }),
      source('a', '2026-03-01', { daysUsedLast28: 24 }),
    ]);
    expect(rows.map((r) => [r.clientId, r.interviewDate, r.stage, r.otherSubstanceDaysUsed])).toEqual([
      ['a', '2026-03-01', 'Start', 24],
      ['a', '2026-06-01', 'Review', 4],
      ['b', '2026-03-01', 'Start', 20],
    ]);
  });

  it('names ketamine as the other problem substance, because the TOP has no ketamine row', () => {
    expect(topRows([source('a', '2026-01-01')])[0]?.otherSubstanceName).toBe('Ketamine');
  });

  it('treats a client whose Start came before the period as a Review', () => {
    expect(topRows([source('a', '2026-01-01')], new Set(['a']))[0]?.stage).toBe('Review');
  });

  it('keeps items that were not recorded blank rather than inventing a value', () => {
    const [row] = topRows([
      source('a', '2026-01-01', {
        daysUsedLast28: null,
        psychologicalHealth: null,
        physicalHealth: null,
        qualityOfLife: null,
      }),
    ]);
    expect(row).toMatchObject({
      otherSubstanceDaysUsed: null,
      psychologicalHealth: null,
      physicalHealth: null,
      qualityOfLife: null,
    });
  });

  it('lists the columns in TOP form order, each naming its range', () => {
    expect(topColumns.map((c) => c.key)).toEqual([
      'clientId',
      'birthDate',
      'sex',
      'keyWorker',
      'interviewDate',
      'stage',
      'otherSubstanceName',
      'otherSubstanceDaysUsed',
      'psychologicalHealth',
      'physicalHealth',
      'qualityOfLife',
    ]);
    expect(topColumns.find((c) => c.key === 'psychologicalHealth')?.heading).toContain('0-20');
  });
});
