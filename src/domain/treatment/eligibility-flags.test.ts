// Eligibility flags: interactions with the matcher's limitation, contraindications with pregnancy first.
import { describe, expect, it } from 'vitest';
import { eligibilityFlags } from './eligibility-flags.ts';

describe('eligibilityFlags', () => {
  it('never claims the interaction list is exhaustive, and says why', () => {
    const flags = eligibilityFlags([], [], 'iv-racemic', 'not-pregnant');
    expect(flags.interactionsExhaustive).toBe(false);
    expect(flags.interactionsLimitation).toMatch(/No flag does not mean no interaction/);
  });

  it('puts the pregnancy flag before the contraindications marked present', () => {
    const pregnant = eligibilityFlags([], [], 'intranasal-esketamine', 'pregnant');
    const notPregnant = eligibilityFlags([], [], 'intranasal-esketamine', 'not-pregnant');
    expect(pregnant.contraindications.flags.length).toBe(notPregnant.contraindications.flags.length + 1);
  });
});
