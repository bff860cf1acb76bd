import { describe, expect, it } from 'vitest';
import { certainties, contentCertainties, factCertainties } from './evidence.ts';

describe('the evidence-certainty vocabulary', () => {
  it('lists every certainty once, strongest first', () => {
    expect(certainties).toEqual(['verified', 'secondary', 'convention', 'unverified', 'synthesis', 'local']);
    expect(new Set(certainties).size).toBe(certainties.length);
  });

  it('keeps content packs and protocols to the four markers of the domain notes, in the same order', () => {
    expect(contentCertainties).toEqual(['verified', 'secondary', 'unverified', 'synthesis']);
    expect(certainties.filter((c) => (contentCertainties as readonly string[]).includes(c))).toEqual(
      contentCertainties,
    );
  });

  it('gives instrument and register facts every certainty but the product synthesis, in the same order', () => {
    expect(factCertainties).toEqual(['verified', 'secondary', 'convention', 'unverified', 'local']);
    expect(certainties.filter((c) => c !== 'synthesis')).toEqual(factCertainties);
  });
});
