// The eligibility form's draft (as typed) and the request built from it once every required answer is given.
// The lists' own modules, not the index: the index would pull every protocol into the bundle.
import { contraindications, type Contraindication } from '../../../src/domain/treatment/contraindications.ts';
import {
  needsJudgement,
  type ContraindicationStatus,
} from '../../../src/domain/treatment/eligibility-answers.ts';
import type { FieldErrors } from '../api/api-error.ts';
import { toNumber } from './treatment-input.ts';
import type { EligibilityBody, EligibilityDecision, PregnancyStatus, Route } from './treatment-types.ts';

/** The pre-treatment checklist (ASKP tenets 1–3), in the order a prescriber works through it. */
export const CHECKLIST = [
  { key: 'historyAndPhysical', label: 'Full history and physical' },
  { key: 'psychiatricHistory', label: 'Psychiatric history' },
  { key: 'substanceUseHistory', label: 'Substance-use history (with the harm screen)' },
  { key: 'medicationsReviewed', label: 'Medications reviewed' },
  { key: 'allergiesReviewed', label: 'Allergies reviewed' },
] as const;

export type ChecklistKey = (typeof CHECKLIST)[number]['key'];

/**
 * One contraindication's answer: Present, Absent or Unknown (null until chosen), and the prescriber's judgement,
 * asked for only when Present or Unknown.
 */
export interface ContraindicationAnswer {
  status: ContraindicationStatus | null;
  judgement: string;
}

export const NO_ANSWER: ContraindicationAnswer = { status: null, judgement: '' };

export interface EligibilityDraft {
  route: Route;
  checks: Readonly<Record<ChecklistKey, boolean>>;
  priorTrials: string;
  systolic: string;
  diastolic: string;
  pregnancy: PregnancyStatus | '';
  answers: Readonly<Record<string, ContraindicationAnswer>>;
  decision: EligibilityDecision | '';
  note: string;
}

export const EMPTY_ELIGIBILITY: EligibilityDraft = {
  route: 'iv-racemic',
  checks: {
    historyAndPhysical: false,
    psychiatricHistory: false,
    substanceUseHistory: false,
    medicationsReviewed: false,
    allergiesReviewed: false,
  },
  priorTrials: '',
  systolic: '',
  diastolic: '',
  pregnancy: '',
  answers: {},
  decision: '',
  note: '',
};

/** The contraindications the sources cite for `route`; the form asks about each of these. */
export function contraindicationsFor(route: Route): readonly Contraindication[] {
  return contraindications.filter((c) => c.routes.includes(route));
}

/** The request, or every missing answer keyed by its request path (contraindications by position). */
export function eligibilityRequest(
  draft: EligibilityDraft,
): { ok: true; body: EligibilityBody } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  for (const { key } of CHECKLIST)
    if (!draft.checks[key]) errors[`checklist.${key}`] = 'Must be completed before a decision';
  if (!draft.priorTrials.trim())
    errors['checklist.priorTreatmentTrials'] = 'Record the prior treatment trials';
  const systolic = toNumber(draft.systolic);
  const diastolic = toNumber(draft.diastolic);
  if (systolic === undefined) errors['checklist.baselineBp.systolic'] = 'Enter the baseline systolic BP';
  if (diastolic === undefined) errors['checklist.baselineBp.diastolic'] = 'Enter the baseline diastolic BP';
  const { pregnancy, decision } = draft;
  if (!pregnancy) errors['checklist.pregnancyStatus'] = 'Choose the pregnancy status';
  const items = contraindicationsFor(draft.route).map((c, i) => {
    const answer = draft.answers[c.code] ?? NO_ANSWER;
    // A draft kept before answers had a status (`present` only) reads as unanswered.
    const status = answer.status ?? null;
    const judgement = answer.judgement;
    if (status === null) errors[`contraindications.${i}.present`] = 'Choose present, absent or unknown';
    const asked = status !== null && needsJudgement(status);
    if (asked && !judgement.trim())
      errors[`contraindications.${i}.judgement`] =
        `Marked ${status === 'present' ? 'present' : 'unknown'}: record your clinical judgement`;
    // An Absent answer sends no judgement, even one typed before the answer changed to Absent.
    return {
      code: c.code,
      present: status === 'present',
      status: status ?? 'absent',
      ...(asked && judgement.trim() ? { judgement: judgement.trim() } : {}),
    };
  });
  if (!decision) errors.decision = 'Choose the decision';
  // The later checks repeat ones above, so the compiler knows each value is there.
  const incomplete = systolic === undefined || diastolic === undefined || !pregnancy || !decision;
  if (Object.keys(errors).length > 0 || incomplete) return { ok: false, errors };
  return {
    ok: true,
    body: {
      route: draft.route,
      // Every box is ticked here: an unticked one was reported above.
      checklist: {
        historyAndPhysical: true,
        psychiatricHistory: true,
        substanceUseHistory: true,
        medicationsReviewed: true,
        allergiesReviewed: true,
        priorTreatmentTrials: draft.priorTrials.trim(),
        baselineBp: { systolic, diastolic },
        pregnancyStatus: pregnancy,
      },
      contraindications: items,
      decision,
      ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
    },
  };
}
