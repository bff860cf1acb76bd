import { describe, expect, it } from 'vitest';
import { contraindicationCheck, contraindications } from './contraindications.ts';
import { indicationCheck, indications } from './indications.ts';

describe('indicationCheck', () => {
  it.each([
    'unipolar-major-depression',
    'bipolar-depression',
    'ptsd',
    'ocd',
    'fibromyalgia',
    'crps',
    'chronic-pain',
  ])('accepts %s without a flag', (code) => {
    const result = indicationCheck(code, 'iv-racemic');
    expect(result.indication?.code).toBe(code);
    expect(result.flags).toEqual([]);
  });

  // Review 2026-12 §6 item 24: these two come from a practice blog (seeds/002), not the ASKP list (seeds/001 tenet 1).
  it.each(['anxiety-disorder', 'suicidal-ideation'])(
    'recognises %s but flags it as outside the ASKP list',
    (code) => {
      const result = indicationCheck(code, 'iv-racemic');
      expect(result.indication?.code).toBe(code);
      expect(result.flags.map((f) => f.code)).toEqual(['outside-usual-indications']);
      expect(result.flags[0]?.text).toMatch(/not on the ASKP list/);
      expect(result.flags[0]?.source).toMatch(/seeds\/001/);
    },
  );

  it('flags a blog-only indication for esketamine both as outside the list and off label', () => {
    expect(indicationCheck('anxiety-disorder', 'intranasal-esketamine').flags.map((f) => f.code)).toEqual([
      'outside-usual-indications',
      'outside-esketamine-label',
    ]);
  });

  it('flags anything else as outside the usual list', () => {
    const result = indicationCheck('schizophrenia');
    expect(result.indication).toBeNull();
    expect(result.flags.map((f) => f.code)).toEqual(['outside-usual-indications']);
  });

  it('flags indications outside the Spravato label for esketamine only', () => {
    expect(indicationCheck('ptsd', 'intranasal-esketamine').flags.map((f) => f.code)).toEqual([
      'outside-esketamine-label',
    ]);
    expect(indicationCheck('treatment-resistant-depression', 'intranasal-esketamine').flags).toEqual([]);
    expect(indicationCheck('mdd-with-suicidal-ideation', 'intranasal-esketamine').flags).toEqual([]);
  });

  it('marks blog-only indications as secondary', () => {
    const secondary = indications.filter((i) => i.certainty === 'secondary').map((i) => i.code);
    expect(secondary).toEqual(['anxiety-disorder', 'suicidal-ideation']);
  });
});

describe('contraindicationCheck', () => {
  it('flags aneurysm, AVM and intracerebral haemorrhage for esketamine, and lists them as other-route for IV', () => {
    const present = ['aneurysmal-vascular-disease', 'intracerebral-haemorrhage'];
    expect(contraindicationCheck(present, 'intranasal-esketamine').flags.map((f) => f.code)).toEqual(present);
    expect(contraindicationCheck(present, 'iv-racemic')).toEqual({
      flags: [],
      otherRoutesOnly: present,
      unknown: [],
    });
  });

  it.each([
    'uncontrolled-hypertension',
    'cardiovascular-disease',
    'active-substance-use-disorder',
    'active-psychosis',
  ])('flags %s for every route', (code) => {
    for (const route of ['iv-racemic', 'intranasal-esketamine', 'sublingual'] as const) {
      expect(contraindicationCheck([code], route).flags[0]).toMatchObject({
        code,
        severity: 'contraindicated',
      });
    }
  });

  it('gives moderate hepatic impairment as a caution, and reports codes it does not know', () => {
    expect(contraindicationCheck(['moderate-hepatic-impairment', 'gout'], 'iv-racemic')).toMatchObject({
      flags: [{ code: 'moderate-hepatic-impairment', severity: 'caution' }],
      unknown: ['gout'],
    });
  });

  it('cites a source for every contraindication', () => {
    for (const c of contraindications) expect(c.source).toMatch(/clinic\.md|seeds/);
  });
});
