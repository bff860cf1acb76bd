// Harm-pathway shapes the web client reads, taken from the server's domain types, request schemas and store rows.
import type { z } from 'zod';
import type {
  AssessmentComparison,
  ContentPack,
  HarmAssessment,
  HarmEvaluation,
  LevelNumber,
} from '../../../src/domain/harm/index.ts';
import type { carePlanSchema, formulationSchema } from '../../../src/schemas/harm.ts';
import type { AssessmentRow, ReviewItem } from '../../../src/store/harm.ts';
import type { SupervisionItem } from '../../../src/store/supervision.ts';

export type {
  AssessmentComparison,
  ContentPack,
  HarmEvaluation,
  HarmReason,
  LevelNumber,
  ProposedIntervention,
  RiskCode,
  SymptomCode,
} from '../../../src/domain/harm/index.ts';
export type { ReviewItem, SupervisionItem };

/** The reply to POST /patients/:id/harm-assessments. */
export interface SavedAssessment {
  id: string;
  evaluation: HarmEvaluation;
  comparison: AssessmentComparison | null;
  alertIds: string[];
}

/** A clinician's decision on one assessment, as GET /patients/:id/harm-assessments shows it. */
export interface DecisionView {
  id: string;
  confirmedLevel: LevelNumber;
  overridden: boolean;
  reason: AssessmentRow['decision_reason'];
  reviewDue: string;
  decidedAt: string | null;
  decidedBy: AssessmentRow['decided_by_name'];
  /** Intervention ids the care plan starts from: the decided level's, not the proposal's, after an override. */
  planInterventions?: string[];
}

/** One saved assessment (the route builds it inline from the store row; assembled here from its parts). */
export interface AssessmentEntry {
  id: string;
  assessedAt: string;
  recordedBy: { id: string; displayName: string };
  corrects: AssessmentRow['corrects'];
  correctionReason: AssessmentRow['correction_reason'];
  assessment: HarmAssessment;
  context: AssessmentRow['context'];
  evaluation: HarmEvaluation;
  decision: DecisionView | null;
  comparison: AssessmentComparison | null;
}

/** The reply to POST /harm-assessments/:id/decision. */
export interface DecisionResult {
  id: string;
  assessmentId: string;
  proposedLevel: LevelNumber;
  confirmedLevel: LevelNumber;
  overridden: boolean;
  reviewDue: string;
  planInterventions: string[];
}

/** The reply to POST /harm-assessments/:id/replay. */
export interface ReplayResult {
  identical: boolean;
  stored: HarmEvaluation;
  replayed: HarmEvaluation;
}

/** The body of POST /patients/:id/care-plan. */
export type CarePlanInput = z.input<typeof carePlanSchema>;
export type PlannedIntervention = CarePlanInput['interventions'][number];

/** One version of the care plan (GET /patients/:id/care-plan). */
export type CarePlanVersion = Omit<CarePlanInput, 'decisionId' | 'reason' | 'goals'> & {
  version: number;
  goals: string[];
  decisionId: string | null;
  reason: string | null;
  recordedAt: string;
  recordedBy: { id: string; displayName: string };
};

export interface CarePlanList {
  current: CarePlanVersion | null;
  history: CarePlanVersion[];
}

/** The four texts of the shared formulation. */
export type FormulationText = Omit<z.input<typeof formulationSchema>, 'baseVersion'>;

/** One version of the formulation (GET /patients/:id/formulation). */
export type FormulationVersion = FormulationText & {
  version: number;
  recordedAt: string;
  recordedBy: { displayName: string };
};

export interface FormulationList {
  current: FormulationVersion | null;
  history: FormulationVersion[];
}

/** A level of the pack in force. */
export type LevelDefinition = ContentPack['levels'][number];
