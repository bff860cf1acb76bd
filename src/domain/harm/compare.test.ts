import { describe, expect, it } from 'vitest';
import { parseAssessment } from './assessment-parse.ts';
import { compareAssessments, type EvaluatedAssessment } from './compare.ts';
import { defaultPack, defaultPackContent } from './default-pack.ts';
import { evaluateHarm } from './evaluate.ts';
import type { ValidContentPack } from './pack-types.ts';
import { validateContentPack } from './pack-validate.ts';
import { assessmentJson, valueOf, type AssessmentJson } from './test-fixtures.ts';

function evaluated(json: AssessmentJson, pack: ValidContentPack = defaultPack): EvaluatedAssessment {
  return { assessment: valueOf(parseAssessment(json)), evaluation: valueOf(evaluateHarm(json, pack)) };
}

describe('compareAssessments', () => {
  it('alerts when a sentinel symptom appears and the level rises', () => {
    const previous = evaluated(assessmentJson({ use: { daysUsedLast28: 2 } }));
    const current = evaluated(
      assessmentJson({ use: { daysUsedLast28: 2 }, symptoms: [{ code: 'urinary-frequency' }] }),
    );
    expect(compareAssessments(previous, current)).toEqual({
      newSymptoms: ['urinary-frequency'],
      resolvedSymptoms: [],
      levelChange: 'up',
      previousLevel: 1,
      currentLevel: 2,
      newRedFlags: [],
      contentVersionChanged: false,
      alerts: [
        { code: 'new-symptom', symptom: 'urinary-frequency' },
        { code: 'level-rose', from: 1, to: 2 },
      ],
    });
  });

  it('alerts on a new red flag', () => {
    const previous = evaluated(assessmentJson({ symptoms: [{ code: 'dysuria' }] }));
    const current = evaluated(
      assessmentJson({ symptoms: [{ code: 'dysuria' }, { code: 'visible-haematuria' }] }),
    );
    const comparison = compareAssessments(previous, current);
    expect(comparison.newRedFlags).toEqual(['visible-haematuria']);
    expect(comparison.alerts).toContainEqual({ code: 'new-red-flag', redFlag: 'visible-haematuria' });
  });

  it('reports resolved symptoms and a fall in level without alerting', () => {
    const previous = evaluated(
      assessmentJson({ use: { daysUsedLast28: 21 }, symptoms: [{ code: 'dysuria' }, { code: 'anxiety' }] }),
    );
    const current = evaluated(assessmentJson({ symptoms: [{ code: 'anxiety' }] }));
    expect(compareAssessments(previous, current)).toMatchObject({
      newSymptoms: [],
      resolvedSymptoms: ['dysuria'],
      levelChange: 'down',
      previousLevel: 3,
      currentLevel: 2,
      alerts: [],
    });
  });

  it('reports the same level when nothing changed', () => {
    const same = evaluated(assessmentJson({ risks: ['driving'] }));
    expect(compareAssessments(same, same)).toMatchObject({
      levelChange: 'same',
      alerts: [],
      newSymptoms: [],
      resolvedSymptoms: [],
    });
  });

  it('says when the two evaluations used different content, so a change may come from the pack', () => {
    const local = valueOf(validateContentPack({ ...defaultPackContent, version: '9.0.0' }));
    const json = assessmentJson();
    expect(compareAssessments(evaluated(json), evaluated(json, local)).contentVersionChanged).toBe(true);
  });
});
