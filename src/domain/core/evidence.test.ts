import { describe, expect, it } from 'vitest';
import { contentCertainties, factCertainties, type Certainty } from './evidence.ts';

describe('the evidence-certainty vocabulary', () => {
  it('keeps content packs and protocols to the four markers of the domain notes, strongest first', () => {
    expect(contentCertainties).toEqual(['verified', 'secondary', 'unverified', 'synthesis']);
  });

  it('gives instrument and register facts every certainty but the product synthesis, strongest first', () => {
    expect(factCertainties).toEqual(['verified', 'secondary', 'convention', 'unverified', 'local']);
  });

  it('has six words in all, each once: the two subsets share only the published and unverified ones', () => {
    const every = new Set<Certainty>([...contentCertainties, ...factCertainties]);
    expect([...every].sort()).toEqual([
      'convention',
      'local',
      'secondary',
      'synthesis',
      'unverified',
      'verified',
    ]);
    expect(contentCertainties.filter((c) => (factCertainties as readonly string[]).includes(c))).toEqual([
      'verified',
      'secondary',
      'unverified',
    ]);
  });
});
