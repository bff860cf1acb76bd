import { describe, expect, it } from 'vitest';
import { defaultPack } from './default-pack.ts';
import { evaluateHarm } from './evaluate.ts';
import { planInterventionsFor } from './plan-interventions.ts';
import { assessmentJson, interventionIds, valueOf, withSymptoms } from './test-fixtures.ts';

const evaluate = (json: Parameters<typeof evaluateHarm>[0]) => valueOf(evaluateHarm(json, defaultPack));

describe('planInterventionsFor: the care plan follows the decided level', () => {
  it('keeps the proposal’s interventions when the level is accepted', () => {
    const evaluation = evaluate(assessmentJson({ use: { daysUsedLast28: 20 } }));
    expect(planInterventionsFor(evaluation, 3, defaultPack)).toEqual(interventionIds(evaluation));
  });

  it('after an override from 3 to 2, offers level 2’s interventions, not structured treatment or MDT review', () => {
    const evaluation = evaluate(assessmentJson({ use: { daysUsedLast28: 20 } }));
    expect(evaluation.level).toBe(3);
    expect(planInterventionsFor(evaluation, 2, defaultPack)).toEqual([
      'harm-reduction-advice',
      'brief-intervention',
      'physical-health-monitoring',
    ]);
  });

  it('keeps what rules at or below the confirmed level bring in (low mood → mental-health assessment)', () => {
    const evaluation = evaluate({
      ...assessmentJson({ use: { daysUsedLast28: 20 } }),
      symptoms: [{ code: 'low-mood' }],
    });
    expect(planInterventionsFor(evaluation, 2, defaultPack)).toContain('mental-health-assessment');
    expect(planInterventionsFor(evaluation, 2, defaultPack)).not.toContain('structured-psychosocial');
  });

  it('after an override from 4 to 3, keeps the red flag’s own referral but not the urgent review', () => {
    const evaluation = evaluate(withSymptoms('visible-haematuria'));
    const ids = planInterventionsFor(evaluation, 3, defaultPack);
    expect(ids).toContain('urology-referral');
    expect(ids).toContain('structured-psychosocial');
    expect(ids).not.toContain('urgent-medical-review');
  });

  it('after an override up from 2 to 3, offers level 3’s interventions and the level-2 rules’ own', () => {
    const evaluation = evaluate(withSymptoms('anxiety'));
    expect(evaluation.level).toBe(2);
    expect(planInterventionsFor(evaluation, 3, defaultPack)).toEqual([
      'harm-reduction-advice',
      'structured-psychosocial',
      'physical-health-monitoring',
      'multidisciplinary-review',
      'mental-health-assessment',
    ]);
  });

  it('down to level 1 from a baseline-free proposal leaves only harm-reduction advice', () => {
    const evaluation = evaluate(assessmentJson({ use: { daysUsedLast28: 4 } }));
    expect(planInterventionsFor(evaluation, 1, defaultPack)).toEqual(['harm-reduction-advice']);
  });
});
