import { describe, expect, it } from 'vitest';
import { consentDocuments, dischargeAdvice } from './documents.ts';
import { CLINIC_PRACTICE, readerReference, withoutInternalNotation } from './reader-reference.ts';

const INTERNAL = /\[(V|S|U|SYN)|\.md|§|seeds\/|@\d+\.\d+\.\d+/;

describe('a source as a reader-facing reference', () => {
  it('names the publications a consent section cites, in order, without tags or file names', () => {
    expect(
      readerReference(
        'clinic.md §1 (Sanacora 2017: not a standard or guideline; 0.5 mg/kg over 40 min in most reports, to be part of consent)',
      ),
    ).toBe(
      'Sanacora et al., A consensus statement on the use of ketamine in the treatment of mood disorders, JAMA Psychiatry 2017',
    );
    expect(
      readerReference(
        'clinic.md §3 discharge criteria (ASKP: no driving for 12 hours; ketamine label: accompanied by a responsible adult; RCEM written instructions)',
      ),
    ).toBe(
      'American Society of Ketamine Physicians (ASKP), Basics of Administration; Ketamine hydrochloride injection prescribing information; Royal College of Emergency Medicine, procedural sedation: recovery and discharge',
    );
  });

  it('reads an urgent BP alert source as references, not "[U]" or "Yip 2022 [V]"', () => {
    const r = readerReference(
      'clinic.md §1: stop thresholds of about 180/100 mmHg and HR about 110 bpm are sometimes attributed to the APA consensus (Sanacora 2017), not confirmed [U]; Yip 2022 [V]: make thresholds configurable.',
    );
    expect(r).toContain('JAMA Psychiatry 2017');
    expect(r).toContain('Yip et al., Frontiers in Psychiatry 2022');
    expect(r).not.toMatch(INTERNAL);
  });

  it('reads KASPR defaults as clinic practice', () => {
    expect(readerReference('KASPR (product synthesis)')).toBe(CLINIC_PRACTICE);
    expect(readerReference('KASPR setting [SYN]: no range given')).toBe(CLINIC_PRACTICE);
  });

  it('strips notation from a source it does not recognise', () => {
    expect(readerReference('Local policy, harm.md §7, gap 6 [U]')).toBe('Local policy, gap 6');
    expect(withoutInternalNotation('Header iv-racemic-psychiatric@1.0.0 and symptoms.0.code = x')).toBe(
      'Header and = x',
    );
    expect(readerReference('clinic.md §3 [V]')).toBe(CLINIC_PRACTICE);
  });

  it('leaves no internal notation in any shipped consent section or the discharge advice', () => {
    for (const doc of consentDocuments)
      for (const s of doc.sections) expect(readerReference(s.source)).not.toMatch(INTERNAL);
    expect(readerReference(dischargeAdvice.source)).toContain('Royal College of Emergency Medicine');
  });
});
