import { describe, expect, it } from 'vitest';
import { harmPrefill, type ChartResponse } from './prefill.ts';

const phq9 = (
  responseId: string,
  completedAt: string,
  total: number | null,
  item9: number | null,
): ChartResponse => ({ responseId, instrumentId: 'phq-9', completedAt, total, answers: { '9': item9 } });
const sds = (responseId: string, completedAt: string, total: number | null): ChartResponse => ({
  responseId,
  instrumentId: 'sds',
  completedAt,
  total,
  answers: {},
});

describe('harmPrefill', () => {
  it('starts from nothing when the chart has no PHQ-9 or SDS', () => {
    expect(harmPrefill([])).toEqual({ measures: {}, symptoms: [], sources: [] });
  });

  it('carries the latest PHQ-9 total and SDS total, with the date of each', () => {
    const prefill = harmPrefill([
      phq9('a', '2026-10-01', 20, 0),
      phq9('b', '2026-11-20', 14, 0),
      sds('c', '2026-11-02', 6),
      sds('d', '2026-09-02', 2),
    ]);
    expect(prefill.measures).toEqual({ phq9Total: 14, sdsTotal: 6 });
    expect(prefill.sources).toEqual([
      {
        field: 'measures.phq9Total',
        instrumentId: 'phq-9',
        responseId: 'b',
        completedAt: '2026-11-20',
        value: 14,
      },
      {
        field: 'measures.sdsTotal',
        instrumentId: 'sds',
        responseId: 'c',
        completedAt: '2026-11-02',
        value: 6,
      },
    ]);
  });

  it.each([
    [0, false],
    [1, true],
    [2, true],
    [3, true],
  ])('PHQ-9 item 9 = %i → suicidal thoughts pre-ticked: %s', (item9, ticked) => {
    const prefill = harmPrefill([phq9('a', '2026-11-20', 14, item9)]);
    expect(prefill.symptoms).toEqual(ticked ? ['suicidal-ideation'] : []);
    expect(prefill.sources.some((s) => s.field === 'symptoms.suicidal-ideation')).toBe(ticked);
  });

  it('reads item 9 from the latest PHQ-9 that answered it, and the total from the latest complete one', () => {
    const prefill = harmPrefill([phq9('old', '2026-10-01', 12, 2), phq9('new', '2026-11-20', null, null)]);
    expect(prefill.measures).toEqual({ phq9Total: 12 });
    expect(prefill.symptoms).toEqual(['suicidal-ideation']);
    expect(prefill.sources.map((s) => s.responseId)).toEqual(['old', 'old']);
  });

  it('does not tick suicidal thoughts from an older positive item 9 when the latest answer is 0', () => {
    const prefill = harmPrefill([phq9('old', '2026-10-01', 12, 2), phq9('new', '2026-11-20', 8, 0)]);
    expect(prefill.symptoms).toEqual([]);
  });

  it('uses the latest SDS with a total and ignores other instruments', () => {
    const prefill = harmPrefill([
      sds('complete', '2026-10-01', 4),
      sds('incomplete', '2026-11-01', null),
      { responseId: 'g', instrumentId: 'gad-7', completedAt: '2026-11-05', total: 15, answers: {} },
    ]);
    expect(prefill).toEqual({
      measures: { sdsTotal: 4 },
      symptoms: [],
      sources: [
        {
          field: 'measures.sdsTotal',
          instrumentId: 'sds',
          responseId: 'complete',
          completedAt: '2026-10-01',
          value: 4,
        },
      ],
    });
  });
});
