// Medications to review before ketamine: the concomitant classes clinic.md cites (and a few more), matched on a drug dictionary.
import { drugDictionary, type DrugIngredient, type InteractionClassId } from './interactions-dictionary.ts';
import type { Certainty, Sourced } from './problems.ts';

export type { InteractionClassId } from './interactions-dictionary.ts';

/** A medication class to flag, with every name (ingredient, spelling, brand, combination) that belongs to it. */
export interface InteractionClass extends Sourced {
  readonly id: InteractionClassId;
  readonly label: string;
  readonly text: string;
  /** Lower-case names, as written in the dictionary ("co-codamol", "ms contin"). */
  readonly names: readonly string[];
}

/** A medication on the patient's list that belongs to a flagged class. */
export interface InteractionFlag {
  readonly medication: string;
  /** The name in the dictionary that matched, lower-case. */
  readonly matched: string;
  /** The ingredient that name stands for. */
  readonly ingredient: string;
  readonly classId: InteractionClassId;
  readonly classLabel: string;
  readonly text: string;
  readonly source: string;
  readonly certainty: Certainty;
}

/**
 * The matcher is NOT exhaustive: a name missing from the dictionary, a misspelling or a new brand gives no
 * flag. Nothing may answer a regulatory yes/no (such as the REMS form's "concomitant opioid /
 * psychostimulant" fields) from these flags without a person confirming the answer.
 */
export const interactionMatcherIsExhaustive = false as const;

/** The statement shown wherever interaction flags are shown or used. */
export const interactionMatcherLimitation =
  'Interaction flags come from a name dictionary (ingredients, UK and US brands and combinations), not a coded drug database such as dm+d or RxNorm. No flag does not mean no interaction: review the medication list yourself, and confirm every regulatory yes/no (e.g. REMS concomitant medication) by hand.';

/** The result of screening a medication list: the flags and the matcher's limitation, always together. */
export interface InteractionScreen {
  readonly flags: readonly InteractionFlag[];
  readonly exhaustive: typeof interactionMatcherIsExhaustive;
  readonly limitation: string;
}

const REMS_FORM =
  'clinic.md §2 REMS Patient Monitoring Form: concomitant medication asked Y/N for every session (Janssen form 11/2021) [V]';
const NAMES =
  'Class membership and brand names are standard pharmacology listed by KASPR [SYN], not checked against dm+d or RxNorm; clinic.md names the classes only.';
const NOT_IN_CLINIC_MD =
  'Not in clinic.md [U]: from the clinical-safety review 2026-12 §3 (recollection of the Ketalar PI drug-interaction section); verify against the current ketamine label.';
const REVIEW =
  'Record it on the session note (Spravato: on the REMS Patient Monitoring Form) and review before dosing.';

interface ClassText extends Sourced {
  readonly id: InteractionClassId;
  readonly label: string;
  readonly text: string;
}

/** A class the REMS Patient Monitoring Form asks about, under the form's own `formWording`. */
function onRemsForm(id: InteractionClassId, label: string, singular: string, formWording: string): ClassText {
  return {
    id,
    label,
    text: `${singular}. ${REVIEW}`,
    source: `${REMS_FORM}: ${formWording}. ${NAMES}`,
    certainty: 'verified',
  };
}

/**
 * The classes. clinic.md gives no mechanism or management for any of them, so each flag asks for review
 * rather than advising a change.
 */
const classTexts: readonly ClassText[] = [
  onRemsForm('benzodiazepine', 'Benzodiazepines', 'Benzodiazepine', 'Benzodiazepines*'),
  onRemsForm(
    'non-benzodiazepine-hypnotic',
    'Non-benzodiazepine sedative hypnotics',
    'Non-benzodiazepine sedative hypnotic',
    'non-benzodiazepine sedative hypnotics*',
  ),
  onRemsForm('psychostimulant', 'Psychostimulants', 'Psychostimulant', 'psychostimulants*'),
  onRemsForm('maoi', 'Monoamine oxidase inhibitors (MAOIs)', 'MAOI', 'MAOIs*'),
  {
    id: 'opioid',
    label: 'Opioids',
    text: `Opioid. ${REVIEW}`,
    source: `clinic.md §2: the video version of the REMS Patient Monitoring Form also mentions opioids [V jnjmedicalconnect]. ${NAMES}`,
    certainty: 'verified',
  },
  {
    id: 'gabapentinoid',
    label: 'Gabapentinoids',
    text: 'Gabapentinoid (pregabalin, gabapentin): a CNS depressant often co-implicated with ketamine in UK deaths. Review before dosing.',
    source: `harm.md §2.8 Deaths (UK): opioids, cocaine, benzodiazepines and gabapentinoids are often co-implicated (KCL coroners' analysis [S]). ${NAMES}`,
    certainty: 'secondary',
  },
  {
    id: 'lamotrigine',
    label: 'Lamotrigine',
    text: 'Lamotrigine may blunt the effect of ketamine. Review before dosing.',
    source: `${NOT_IN_CLINIC_MD} ${NAMES}`,
    certainty: 'unverified',
  },
  {
    id: 'methylxanthine',
    label: 'Theophylline or aminophylline',
    text: 'Theophylline or aminophylline with ketamine may lower the seizure threshold. Review before dosing.',
    source: `${NOT_IN_CLINIC_MD} ${NAMES}`,
    certainty: 'unverified',
  },
  {
    id: 'sympathomimetic',
    label: 'Sympathomimetics (decongestants, pressors)',
    text: 'Sympathomimetic: may add to the rise in blood pressure. Review before dosing; Spravato: a nasal decongestant is taken at least 1 h before.',
    source: `clinic.md §2 Spravato patient preparation: a nasal decongestant is taken ≥1 h before [S]; §1–§2 ketamine raises BP [V]. The interaction itself: ${NOT_IN_CLINIC_MD} ${NAMES}`,
    certainty: 'unverified',
  },
];

/** Lower-case words: letters and digits apart, so "co-codamol 30/500mg" is co, codamol, 30, 500, mg. */
function words(text: string): readonly string[] {
  return text.toLowerCase().match(/[a-z]+|[0-9]+/g) ?? [];
}

/** True when `name`'s words appear together in `medication`'s words, or run together as one word. */
function contains(medication: readonly string[], name: readonly string[]): boolean {
  if (name.length === 0) return false;
  const joined = name.join('');
  for (let i = 0; i < medication.length; i++) {
    if (medication[i] === joined) return true;
    if (name.every((w, k) => medication[i + k] === w)) return true;
  }
  return false;
}

interface Entry {
  readonly name: string;
  readonly words: readonly string[];
  readonly ingredient: DrugIngredient;
}

const entries: readonly Entry[] = drugDictionary.flatMap((ingredient) =>
  [ingredient.ingredient, ...ingredient.names].map((name) => ({
    name: name.toLowerCase(),
    words: words(name),
    ingredient,
  })),
);

/** Every class with the names that belong to it. */
export const interactionClasses: readonly InteractionClass[] = classTexts.map((c) => ({
  ...c,
  names: entries.filter((e) => e.ingredient.classIds.includes(c.id)).map((e) => e.name),
}));

/**
 * Flags each medication (free text such as "Co-codamol 30/500mg tablets") that names an ingredient, brand or
 * combination in the dictionary, matched case-insensitively on whole words. A medication gives at most one
 * flag per class and may match more than one class. Not exhaustive: see `interactionMatcherLimitation`.
 */
export function interactionFlags(
  medications: readonly string[],
  classes: readonly InteractionClass[] = interactionClasses,
): readonly InteractionFlag[] {
  const flags: InteractionFlag[] = [];
  for (const medication of medications) {
    const tokens = words(medication);
    const hits = entries.filter((e) => contains(tokens, e.words));
    for (const c of classes) {
      const hit = hits.find((e) => e.ingredient.classIds.includes(c.id) && c.names.includes(e.name));
      if (hit === undefined) continue;
      flags.push({
        medication,
        matched: hit.name,
        ingredient: hit.ingredient.ingredient,
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

/** The flags for a medication list together with the statement that the matcher is not exhaustive. */
export function interactionScreen(medications: readonly string[]): InteractionScreen {
  return {
    flags: interactionFlags(medications),
    exhaustive: interactionMatcherIsExhaustive,
    limitation: interactionMatcherLimitation,
  };
}
