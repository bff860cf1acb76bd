// Medications to review before ketamine: the concomitant classes clinic.md cites, matched by name.
import type { Certainty, Sourced } from './problems.ts';

/** A medication class to flag, with the names (generic and a few common brands) that belong to it. */
export interface InteractionClass extends Sourced {
  readonly id: string;
  readonly label: string;
  readonly text: string;
  /** Lower-case single words; a medication matches when one of its words is in the list. */
  readonly names: readonly string[];
}

/** A medication on the patient's list that belongs to a flagged class. */
export interface InteractionFlag {
  readonly medication: string;
  readonly matched: string;
  readonly classId: string;
  readonly classLabel: string;
  readonly text: string;
  readonly source: string;
  readonly certainty: Certainty;
}

const REMS_FORM =
  'clinic.md §2 REMS Patient Monitoring Form: concomitant medication asked Y/N for every session (Janssen form 11/2021) [V]';
const NAMES =
  'Class membership of the names is standard pharmacology, listed by KASPR [SYN]; clinic.md names the classes only.';
const REVIEW =
  'Record it on the session note (Spravato: on the REMS Patient Monitoring Form) and review before dosing.';

/**
 * The classes clinic.md cites. clinic.md gives no mechanism or management for any of them (and no entry for
 * lamotrigine or other mood stabilisers), so each flag asks for review rather than advising a change.
 */
export const interactionClasses: readonly InteractionClass[] = [
  {
    id: 'benzodiazepine',
    label: 'Benzodiazepines',
    text: `Benzodiazepine. ${REVIEW}`,
    names: [
      'alprazolam',
      'chlordiazepoxide',
      'clobazam',
      'clonazepam',
      'clorazepate',
      'diazepam',
      'estazolam',
      'flurazepam',
      'lorazepam',
      'midazolam',
      'nitrazepam',
      'oxazepam',
      'temazepam',
      'triazolam',
      'xanax',
      'valium',
      'ativan',
      'klonopin',
    ],
    source: `${REMS_FORM}: Benzodiazepines*. ${NAMES}`,
    certainty: 'verified',
  },
  {
    id: 'non-benzodiazepine-hypnotic',
    label: 'Non-benzodiazepine sedative hypnotics',
    text: `Non-benzodiazepine sedative hypnotic. ${REVIEW}`,
    names: ['zolpidem', 'zopiclone', 'eszopiclone', 'zaleplon', 'ambien', 'lunesta'],
    source: `${REMS_FORM}: non-benzodiazepine sedative hypnotics*. ${NAMES}`,
    certainty: 'verified',
  },
  {
    id: 'psychostimulant',
    label: 'Psychostimulants',
    text: `Psychostimulant. ${REVIEW}`,
    names: [
      'amphetamine',
      'dextroamphetamine',
      'lisdexamfetamine',
      'methamphetamine',
      'methylphenidate',
      'dexmethylphenidate',
      'modafinil',
      'armodafinil',
      'adderall',
      'ritalin',
      'concerta',
      'vyvanse',
    ],
    source: `${REMS_FORM}: psychostimulants*. ${NAMES}`,
    certainty: 'verified',
  },
  {
    id: 'maoi',
    label: 'Monoamine oxidase inhibitors (MAOIs)',
    text: `MAOI. ${REVIEW}`,
    names: [
      'phenelzine',
      'tranylcypromine',
      'isocarboxazid',
      'selegiline',
      'rasagiline',
      'moclobemide',
      'nardil',
      'parnate',
      'marplan',
      'emsam',
    ],
    source: `${REMS_FORM}: MAOIs*. ${NAMES}`,
    certainty: 'verified',
  },
  {
    id: 'opioid',
    label: 'Opioids',
    text: `Opioid. ${REVIEW}`,
    names: [
      'morphine',
      'codeine',
      'oxycodone',
      'hydrocodone',
      'hydromorphone',
      'oxymorphone',
      'fentanyl',
      'methadone',
      'buprenorphine',
      'tramadol',
      'tapentadol',
      'pethidine',
      'meperidine',
    ],
    source: `clinic.md §2: the video version of the REMS Patient Monitoring Form also mentions opioids [V jnjmedicalconnect]. ${NAMES}`,
    certainty: 'verified',
  },
];

/**
 * Flags each medication (free text such as "Lorazepam 1 mg tablets") whose words include a name of a
 * listed class, matched case-insensitively on whole words. A medication may match more than one class.
 */
export function interactionFlags(
  medications: readonly string[],
  classes: readonly InteractionClass[] = interactionClasses,
): readonly InteractionFlag[] {
  const flags: InteractionFlag[] = [];
  for (const medication of medications) {
    const words = new Set(medication.toLowerCase().match(/[a-z]+/g) ?? []);
    for (const c of classes) {
      const matched = c.names.find((name) => words.has(name));
      if (matched === undefined) continue;
      flags.push({
        medication,
        matched,
        classId: c.id,
        classLabel: c.label,
        text: c.text,
        source: c.source,
        certainty: c.certainty,
      });
    }
  }
  return flags;
}
