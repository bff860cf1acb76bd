// The assessment form's draft (text as typed) and the request built from it, leaving out every empty field.
import type {
  CoUseSubstance,
  HarmPrefill,
  RiskCode,
  Route,
  SymptomCode,
} from '../../../src/domain/harm/index.ts';
import { symptomCodes } from '../../../src/domain/harm/index.ts';

export interface SymptomDetail {
  onset: string;
  weeks: string;
}

/** "Not done", "negative" or "positive": an unrecorded checklist must not read as a negative one. */
export type ChecklistState = 'not-done' | 'negative' | 'positive';

export interface AssessmentDraft {
  days: string;
  typicalAmount: string;
  routes: readonly Route[];
  bingeing: boolean;
  escalating: boolean;
  lastUsed: string;
  ageAtFirstUse: string;
  /** null until co-use was asked; [] records "none". */
  coUse: readonly CoUseSubstance[] | null;
  /** Checked symptoms, with their details. */
  symptoms: Readonly<Partial<Record<SymptomCode, SymptomDetail>>>;
  risks: readonly RiskCode[];
  sdsTotal: string;
  phq9Total: string;
  /** TOP section 4 self-ratings, 0 (poor) to 20 (good). */
  topPsychologicalHealth: string;
  topPhysicalHealth: string;
  topQualityOfLife: string;
  urinaryChecklist: ChecklistState;
  egfr: string;
  creatinine: string;
  alt: string;
  alp: string;
  urinalysis: string;
  socialFunctioning: string;
  goals: string;
  protectiveFactors: string;
  functionOfUse: string;
}

export const EMPTY_DRAFT: AssessmentDraft = {
  days: '',
  typicalAmount: '',
  routes: [],
  bingeing: false,
  escalating: false,
  lastUsed: '',
  ageAtFirstUse: '',
  coUse: null,
  symptoms: {},
  risks: [],
  sdsTotal: '',
  phq9Total: '',
  topPsychologicalHealth: '',
  topPhysicalHealth: '',
  topQualityOfLife: '',
  urinaryChecklist: 'not-done',
  egfr: '',
  creatinine: '',
  alt: '',
  alp: '',
  urinalysis: '',
  socialFunctioning: '',
  goals: '',
  protectiveFactors: '',
  functionOfUse: '',
};

// A number when the text is one; otherwise the text itself, so the server names the field it refuses.
const num = (text: string): number | string | undefined => {
  const t = text.trim();
  if (t === '') return undefined;
  return Number.isFinite(Number(t)) ? Number(t) : t;
};
const str = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** The object without its undefined fields; undefined when nothing is left. */
function present(obj: Record<string, unknown>): Record<string, unknown> | undefined {
  const out = Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Checked symptoms in the server's code order: the order of `assessment.symptoms.N` in field errors. */
export function checkedSymptoms(draft: AssessmentDraft): SymptomCode[] {
  return symptomCodes.filter((code) => draft.symptoms[code] !== undefined);
}

/** The `assessment` to send (evaluate or save). */
export function assessmentOf(draft: AssessmentDraft): Record<string, unknown> {
  const use = present({
    daysUsedLast28: num(draft.days),
    routes: draft.routes,
    bingeing: draft.bingeing,
    escalating: draft.escalating,
    lastUsed: str(draft.lastUsed),
    typicalAmount: str(draft.typicalAmount),
    ageAtFirstUse: num(draft.ageAtFirstUse),
    coUse: draft.coUse ?? undefined,
  });
  const symptoms = checkedSymptoms(draft).map((code) => {
    const detail = draft.symptoms[code];
    return present({
      code,
      onset: str(detail?.onset ?? ''),
      persistsAfterStoppingWeeks: num(detail?.weeks ?? ''),
    });
  });
  const checklist = draft.urinaryChecklist;
  return {
    use,
    symptoms,
    risks: draft.risks,
    ...present({
      measures: present({
        sdsTotal: num(draft.sdsTotal),
        phq9Total: num(draft.phq9Total),
        topPsychologicalHealth: num(draft.topPsychologicalHealth),
        topPhysicalHealth: num(draft.topPhysicalHealth),
        topQualityOfLife: num(draft.topQualityOfLife),
        urinaryChecklistPositive: checklist === 'not-done' ? undefined : checklist === 'positive',
      }),
      labs: present({
        egfr: num(draft.egfr),
        creatinineUmolL: num(draft.creatinine),
        alt: num(draft.alt),
        alp: num(draft.alp),
        urinalysis: str(draft.urinalysis),
      }),
    }),
  };
}

/** The `context` to send: the person's own account, or undefined when nothing was written. */
export function contextOf(draft: AssessmentDraft): Record<string, unknown> | undefined {
  return present({
    socialFunctioning: str(draft.socialFunctioning),
    goals: str(draft.goals),
    protectiveFactors: str(draft.protectiveFactors),
    functionOfUse: str(draft.functionOfUse),
  });
}

/** What each section of the assessment form is given. */
export interface DraftSectionProps {
  draft: AssessmentDraft;
  /** What the chart pre-filled, so a section can say where a value came from; null while loading. */
  prefill?: HarmPrefill | null;
  onChange: (patch: Partial<AssessmentDraft>) => void;
  /** Field messages keyed by request path, e.g. "assessment.use.daysUsedLast28". */
  errors: Readonly<Record<string, string>>;
}

/** The first message at `path` or under it ("assessment.use.routes.1" counts for "assessment.use.routes"). */
export function errorAt(errors: Readonly<Record<string, string>>, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];
}
