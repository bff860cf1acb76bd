// Harm-pathway shapes the web client reads: the server's reply types, its request schemas and domain types.
import type { z } from 'zod';
import type { ContentPack } from '../../../src/domain/harm/index.ts';
import type { carePlanSchema, formulationSchema } from '../../../src/schemas/harm.ts';

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
export type {
  AssessmentEntry,
  CarePlanList,
  CarePlanVersion,
  DecisionResult,
  DecisionView,
  FormulationList,
  FormulationVersion,
  ReplayResult,
  ReviewItem,
  SavedAssessment,
  SupervisionItem,
  SupervisionQueue,
} from '../../../src/schemas/replies/harm.ts';

/** The body of POST /patients/:id/care-plan. */
export type CarePlanInput = z.input<typeof carePlanSchema>;
export type PlannedIntervention = CarePlanInput['interventions'][number];

/** The four texts of the shared formulation. */
export type FormulationText = Omit<z.input<typeof formulationSchema>, 'baseVersion'>;

/** A level of the pack in force. */
export type LevelDefinition = ContentPack['levels'][number];
