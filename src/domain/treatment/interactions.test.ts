import { describe, expect, it } from 'vitest';
import { drugDictionary } from './interactions-dictionary.ts';
import {
  interactionClasses,
  interactionFlags,
  interactionMatcherIsExhaustive,
  interactionMatcherLimitation,
  interactionScreen,
} from './interactions.ts';

const classesOf = (medication: string) => interactionFlags([medication]).map((f) => f.classId);

describe('interactionFlags', () => {
  it.each([
    ['Lorazepam 1 mg tablets', 'benzodiazepine'],
    ['XANAX 0.5mg', 'benzodiazepine'],
    ['zolpidem', 'non-benzodiazepine-hypnotic'],
    ['Dextroamphetamine-amphetamine (Adderall XR)', 'psychostimulant'],
    ['Methylphenidate', 'psychostimulant'],
    ['Phenelzine', 'maoi'],
    ['selegiline transdermal', 'maoi'],
    ['Oxycodone/paracetamol', 'opioid'],
  ])('flags %s as %s', (medication, classId) => {
    const flags = interactionFlags([medication]);
    expect(flags.map((f) => f.classId)).toEqual([classId]);
    expect(flags[0]?.medication).toBe(medication);
    expect(flags[0]?.source).toContain('clinic.md §2');
  });

  // Every name the clinical-safety review (2026-12 §3, §6 item 7) found unflagged, and the ones it found flagged.
  it.each([
    ['Co-codamol 30/500mg', 'opioid', 'codeine'],
    ['co-codamol 8/500 mg tablets', 'opioid', 'codeine'],
    ['Cocodamol', 'opioid', 'codeine'],
    ['CO CODAMOL', 'opioid', 'codeine'],
    ['Co-dydramol 10/500', 'opioid', 'dihydrocodeine'],
    ['Dihydrocodeine 30 mg', 'opioid', 'dihydrocodeine'],
    ['OxyContin 10mg MR', 'opioid', 'oxycodone'],
    ['Zomorph 30 mg capsules', 'opioid', 'morphine'],
    ['MST Continus 10mg', 'opioid', 'morphine'],
    ['Diamorphine 5 mg', 'opioid', 'diamorphine'],
    ['Percocet 5/325', 'opioid', 'oxycodone'],
    ['Norco 10-325', 'opioid', 'hydrocodone'],
    ['Suboxone 8mg/2mg film', 'opioid', 'buprenorphine'],
    ['Dilaudid 2mg', 'opioid', 'hydromorphone'],
    ['Buprenorphine patch', 'opioid', 'buprenorphine'],
    ['Tramadol 50 mg', 'opioid', 'tramadol'],
    ['Lorazepam 1 mg', 'benzodiazepine', 'lorazepam'],
    ['Restoril 15 mg', 'benzodiazepine', 'temazepam'],
    ['Xanax XR', 'benzodiazepine', 'alprazolam'],
    ['Dexamfetamine 5 mg', 'psychostimulant', 'dexamfetamine'],
    ['Elvanse 30mg', 'psychostimulant', 'lisdexamfetamine'],
    ['Medikinet XL 20mg', 'psychostimulant', 'methylphenidate'],
    ['Focalin XR', 'psychostimulant', 'dexmethylphenidate'],
    ['Dexedrine Spansule', 'psychostimulant', 'dexamfetamine'],
    ['Provigil 200mg', 'psychostimulant', 'modafinil'],
    ['Adderall 20 mg', 'psychostimulant', 'amfetamine'],
    ['Pregabalin 75mg bd', 'gabapentinoid', 'pregabalin'],
    ['Lyrica', 'gabapentinoid', 'pregabalin'],
    ['Gabapentin 300 mg tds', 'gabapentinoid', 'gabapentin'],
    ['Lamotrigine 100mg', 'lamotrigine', 'lamotrigine'],
    ['Theophylline MR (Uniphyllin)', 'methylxanthine', 'theophylline'],
    ['Aminophylline', 'methylxanthine', 'aminophylline'],
    ['Pseudoephedrine 60 mg', 'sympathomimetic', 'pseudoephedrine'],
    ['Nardil', 'maoi', 'phenelzine'],
  ])('flags %s as %s (%s)', (medication, classId, ingredient) => {
    const flags = interactionFlags([medication]);
    expect(flags.map((f) => [f.classId, f.ingredient])).toEqual([[classId, ingredient]]);
  });

  it('matches whole words only and ignores medications not listed', () => {
    expect(interactionFlags(['sertraline 100 mg', 'lithium', 'Diazepamx', 'paracetamol', 'co'])).toEqual([]);
  });

  it('flags every listed medication on a list, in order', () => {
    const flags = interactionFlags(['Clonazepam', 'Sertraline', 'Tramadol 50 mg']);
    expect(flags.map((f) => [f.medication, f.matched, f.classId])).toEqual([
      ['Clonazepam', 'clonazepam', 'benzodiazepine'],
      ['Tramadol 50 mg', 'tramadol', 'opioid'],
    ]);
  });

  it('gives one flag per class even when several names of the class appear', () => {
    expect(classesOf('Dextroamphetamine-amphetamine (Adderall XR)')).toEqual(['psychostimulant']);
  });

  it('cites a source for every class; the REMS form classes cite the form', () => {
    for (const c of interactionClasses) {
      expect(c.source.length).toBeGreaterThan(20);
      expect(c.names.length).toBeGreaterThan(0);
      for (const name of c.names) expect(name).toBe(name.toLowerCase());
    }
    const rems = ['benzodiazepine', 'non-benzodiazepine-hypnotic', 'psychostimulant', 'maoi'];
    for (const c of interactionClasses.filter((x) => rems.includes(x.id)))
      expect(c.source).toMatch(/REMS Patient Monitoring Form/);
    expect(interactionClasses.map((c) => c.id)).toEqual([
      'benzodiazepine',
      'non-benzodiazepine-hypnotic',
      'psychostimulant',
      'maoi',
      'opioid',
      'gabapentinoid',
      'lamotrigine',
      'methylxanthine',
      'sympathomimetic',
    ]);
  });

  it('puts every dictionary ingredient in at least one known class', () => {
    const ids = new Set(interactionClasses.map((c) => c.id));
    for (const entry of drugDictionary) {
      expect(entry.classIds.length).toBeGreaterThan(0);
      for (const id of entry.classIds) expect(ids.has(id)).toBe(true);
    }
  });
});

describe('interactionScreen', () => {
  it('says the matcher is not exhaustive, so no regulatory yes/no is answered from it', () => {
    expect(interactionMatcherIsExhaustive).toBe(false);
    const screen = interactionScreen(['Sertraline']);
    expect(screen).toMatchObject({ flags: [], exhaustive: false });
    expect(screen.limitation).toBe(interactionMatcherLimitation);
    expect(screen.limitation).toMatch(/No flag does not mean no interaction/);
    expect(screen.limitation).toMatch(/REMS/);
  });
});
