import { describe, expect, it } from 'vitest';
import { interactionClasses, interactionFlags } from './interactions.ts';

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

  it('matches whole words only and ignores medications not listed', () => {
    expect(interactionFlags(['sertraline 100 mg', 'lamotrigine', 'lithium', 'Diazepamx'])).toEqual([]);
  });

  it('flags every listed medication on a list, in order', () => {
    const flags = interactionFlags(['Clonazepam', 'Sertraline', 'Tramadol 50 mg']);
    expect(flags.map((f) => [f.medication, f.matched, f.classId])).toEqual([
      ['Clonazepam', 'clonazepam', 'benzodiazepine'],
      ['Tramadol 50 mg', 'tramadol', 'opioid'],
    ]);
  });

  it('cites the REMS form for every class and keeps names lower-case single words', () => {
    for (const c of interactionClasses) {
      expect(c.source).toMatch(/REMS Patient Monitoring Form/);
      for (const name of c.names) expect(name).toMatch(/^[a-z]+$/);
    }
    expect(interactionClasses.map((c) => c.id)).toEqual([
      'benzodiazepine',
      'non-benzodiazepine-hypnotic',
      'psychostimulant',
      'maoi',
      'opioid',
    ]);
  });
});
