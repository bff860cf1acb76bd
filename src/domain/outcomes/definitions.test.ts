import { describe, expect, it } from 'vitest';
import { measureDefinition, measureDefinitions, measureIds } from './definitions.ts';

describe('measure definitions', () => {
  it('defines every measure once, in id order', () => {
    expect(measureDefinitions.map((def) => def.id)).toEqual([...measureIds]);
    expect(new Set(measureIds).size).toBe(measureIds.length);
  });

  it.each(measureIds)('%s has every field written out', (id) => {
    const def = measureDefinition(id);
    expect(def.id).toBe(id);
    for (const field of ['title', 'definition', 'numerator', 'denominator', 'unit', 'source'] as const) {
      expect(def[field].trim().length, field).toBeGreaterThan(0);
    }
  });

  it('covers every outcome family in the seed', () => {
    expect(new Set(measureDefinitions.map((def) => def.family))).toEqual(
      new Set([
        'earlier-identification',
        'consistency',
        'alignment',
        'engagement',
        'continuity',
        'escalation',
        'outcomes',
      ]),
    );
  });
});
