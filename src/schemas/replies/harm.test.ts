import { describe, expectTypeOf, it } from 'vitest';
import type {
  AssessmentComparison,
  HarmAssessment,
  HarmEvaluation,
  LevelNumber,
} from '../../domain/harm/index.ts';
import type { AssessmentEntry, DecisionResult, DecisionView, SavedAssessment } from './harm.ts';

describe('harm assessment replies', () => {
  it('carry the domain’s assessment, evaluation and comparison types unchanged', () => {
    expectTypeOf<AssessmentEntry['assessment']>().toEqualTypeOf<HarmAssessment>();
    expectTypeOf<AssessmentEntry['evaluation']>().toEqualTypeOf<HarmEvaluation>();
    expectTypeOf<AssessmentEntry['comparison']>().toEqualTypeOf<AssessmentComparison | null>();
    expectTypeOf<SavedAssessment['evaluation']>().toEqualTypeOf<HarmEvaluation>();
  });

  it('type a decision’s levels as levels of need, not any number', () => {
    expectTypeOf<DecisionView['confirmedLevel']>().toEqualTypeOf<LevelNumber>();
    expectTypeOf<DecisionResult['proposedLevel']>().toEqualTypeOf<LevelNumber>();
    expectTypeOf<AssessmentEntry['decision']>().toEqualTypeOf<DecisionView | null>();
  });
});
