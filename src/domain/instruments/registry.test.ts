import { describe, expect, it } from 'vitest';
import { getInstrument, instrumentIds, instruments, isInstrumentId, scoreInstrument } from './registry.ts';
import { answersFrom, resultOf } from './test-fixtures.ts';
import type { InstrumentDefinition } from './types.ts';

/** Answers with every scored item at its highest (or lowest) score. */
function extremeAnswers(def: InstrumentDefinition, pick: 'max' | 'min'): Record<string, number> {
  const scores = def.items
    .filter((item) => item.scored)
    .map((item) => {
      const values = item.options.map((o) => o.score);
      return pick === 'max' ? Math.max(...values) : Math.min(...values);
    });
  return answersFrom(scores);
}

describe('registry', () => {
  it('ships exactly the nine instruments, with ids matching the list', () => {
    expect(instruments.map((def) => def.id)).toEqual([...instrumentIds]);
    expect(instrumentIds).toEqual([
      'phq-9',
      'gad-7',
      'pcl-5',
      'sds',
      'qids-sr16',
      'madrs',
      'cadss',
      'cssrs-screener',
      'ketamine-urinary-checklist',
    ]);
  });

  it('finds definitions by id and returns undefined for an unknown id', () => {
    expect(getInstrument('gad-7')?.shortTitle).toBe('GAD-7');
    expect(getInstrument('phq-10')).toBeUndefined();
    expect(isInstrumentId('madrs')).toBe(true);
    expect(isInstrumentId('MADRS')).toBe(false);
  });

  it('scores by id, and reports an unknown id as a problem', () => {
    expect(resultOf(scoreInstrument('sds', answersFrom([3, 3, 3, 3, 3]))).total).toBe(15);
    expect(scoreInstrument('beck', {})).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'unknown-instrument', path: 'instrumentId' })],
    });
  });
});

describe.each(instruments.map((def) => [def.id, def] as const))('definition %s', (_id, def) => {
  it('numbers items "1".."N" in order with unique codes and integer, unique option scores', () => {
    expect(def.items.map((item) => item.number)).toEqual(def.items.map((_, i) => String(i + 1)));
    expect(new Set(def.items.map((item) => item.code)).size).toBe(def.items.length);
    for (const item of def.items) {
      const scores = item.options.map((o) => o.score);
      expect(scores.every(Number.isInteger)).toBe(true);
      expect(new Set(scores).size).toBe(scores.length);
    }
  });

  it('has contiguous, non-overlapping bands covering the whole total range', () => {
    if (def.bands.length === 0) return;
    expect(def.bands[0]?.min).toBe(def.totalRange?.min);
    expect(def.bands.at(-1)?.max).toBe(def.totalRange?.max);
    def.bands.slice(1).forEach((band, i) => {
      expect(band.min).toBe((def.bands[i]?.max ?? Number.NaN) + 1);
    });
  });

  it('scores the lowest and highest answers to the ends of its total range', () => {
    expect(resultOf(scoreInstrument(def.id, extremeAnswers(def, 'min'))).total).toBe(
      def.totalRange?.min ?? null,
    );
    expect(resultOf(scoreInstrument(def.id, extremeAnswers(def, 'max'))).total).toBe(
      def.totalRange?.max ?? null,
    );
  });

  it('ships item text only when its licence says the text is shipped', () => {
    const hasText = def.items.some((item) => item.text !== undefined);
    expect(hasText).toBe(def.licence.textShipped);
  });

  it('gives every rule a source and a certainty', () => {
    const sourced = [
      def.licence,
      def.loinc,
      ...def.flagRules,
      def.response,
      def.remission,
      def.bandsSource,
      def.totalRange,
    ];
    for (const fact of sourced) {
      if (fact === null) continue;
      expect(fact.source.length).toBeGreaterThan(0);
      expect(['verified', 'secondary', 'convention', 'unverified', 'local']).toContain(fact.certainty);
    }
    expect(def.citation.length).toBeGreaterThan(0);
  });

  it('uses 0.5 as the response fraction wherever response is defined', () => {
    if (def.response !== null) expect(def.response.minDropFraction).toBe(0.5);
  });
});
