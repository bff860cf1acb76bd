import { describe, expect, it } from 'vitest';
import {
  CLINIC_PRACTICE,
  publishedReference,
  readerReference,
  sourceText,
  withoutInternalNotation,
} from './source-text.ts';

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
});

// Real source strings from the shipped content (alert-actions.ts, default-pack.ts, default-rules-urgent.ts,
// indications.ts, protocol-iv-psychiatric.ts).
const URGENT_BP =
  'clinic.md §1: stop thresholds of about 180/100 mmHg and HR 110 are attributed to the APA consensus (Sanacora 2017), not confirmed [U]; Yip 2022 [V]: manage by hypertensive urgency/emergency best practice; §2 Spravato PI §5.6: if BP stays high get help promptly, refer hypertensive crisis for emergency care [U].';
const SDS_CUT_OFF =
  'harm.md §4 SDS: ≥ 4 for ketamine is attributed to Fernández-Calderón et al. 2016 but seen only in third-party code [U]; the C-SDS-K abstract (Tung 2014) gives no cut-off [V]; other substances use ≥ 3 to > 4 [V]. Verify against the paper (harm.md §7, gap 6) before relying on it.';

describe('a source as a clinician reads it on screen', () => {
  it('keeps what the urgent BP alert source says, with tags as words and the notes named', () => {
    expect(sourceText(URGENT_BP)).toBe(
      'KASPR clinical content, section 1: stop thresholds of about 180/100 mmHg and HR 110 are attributed to the APA consensus (Sanacora 2017), not confirmed; Yip 2022 (verified): manage by hypertensive urgency/emergency best practice; section 2 Spravato PI section 5.6: if BP stays high get help promptly, refer hypertensive crisis for emergency care (unconfirmed).',
    );
  });

  it('reads the SDS cut-off note without file names or section signs', () => {
    const text = sourceText(SDS_CUT_OFF);
    expect(text).toContain('KASPR harm content, section 4 SDS');
    expect(text).toContain('Fernández-Calderón et al. 2016 but seen only in third-party code (unconfirmed)');
    expect(text).toContain('(KASPR harm content, section 7, gap 6)');
    expect(text).not.toMatch(INTERNAL);
  });

  it('says synthesis once, in words', () => {
    expect(
      sourceText('KASPR [SYN]: an alert that could not be checked is not reassurance; repeat the reading.'),
    ).toBe('KASPR synthesis: an alert that could not be checked is not reassurance; repeat the reading.');
    expect(sourceText("Level 4 (urgent) is the pack's synthesis [SYN].")).toBe(
      "Level 4 (urgent) is the pack's synthesis.",
    );
    expect(sourceText('harm.md §2.3 ladder: sepsis as late harm [SYN]')).toBe(
      'KASPR harm content, section 2.3 ladder: sepsis as late harm (KASPR synthesis)',
    );
  });

  it('names every grade of evidence', () => {
    expect(sourceText('a [V, draft page]; b [S]; c [U convention]; d [U]')).toBe(
      'a (verified); b (secondary source); c (unconfirmed; field convention); d (unconfirmed)',
    );
  });

  it('reads seed-file references as the document they name', () => {
    expect(sourceText('seeds/002 (KAP practice blog): therapeutic applications')).toBe(
      'KAP practice blog: therapeutic applications',
    );
    expect(sourceText('ASKP Basics of Administration tenet 1 (seeds/001)')).toBe(
      'ASKP Basics of Administration tenet 1',
    );
    expect(sourceText('clinic.md §3–4 [V]')).toBe('KASPR clinical content, sections 3–4 (verified)');
  });

  it('leaves no internal notation in any real example', () => {
    for (const s of [URGENT_BP, SDS_CUT_OFF, 'seeds/002 (KAP practice): may not be suitable candidates'])
      expect(sourceText(s)).not.toMatch(INTERNAL);
  });
});

describe('a source on a patient document', () => {
  it('names the published works a source cites', () => {
    expect(publishedReference(URGENT_BP)).toContain('Yip et al., Frontiers in Psychiatry 2022');
  });

  it('is nothing at all for KASPR defaults and unnamed notes', () => {
    expect(publishedReference('KASPR [SYN]: hold the dose.')).toBeNull();
    expect(publishedReference('clinic.md §3 [V]')).toBeNull();
    expect(publishedReference('Local policy, harm.md §7, gap 6 [U]')).toBeNull();
  });
});
