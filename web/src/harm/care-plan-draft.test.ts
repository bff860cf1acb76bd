import { describe, expect, it } from 'vitest';
import { newRow, planProblems, planRequest, type CarePlanDraft } from './care-plan-draft.ts';

function draft(change: Partial<CarePlanDraft> = {}): CarePlanDraft {
  return {
    rows: [],
    goals: [],
    keyWorker: '',
    reviewDue: '2027-01-15',
    reason: '',
    decisionId: null,
    ...change,
  };
}

describe('care plan draft', () => {
  it('sends blank optional text as absent and trims goals and material titles', () => {
    const row = {
      ...newRow('brief-intervention', '', false),
      materials: [{ key: 1, title: ' Leaflet ', reference: '' }],
    };
    const body = planRequest(draft({ rows: [row], goals: [{ key: 2, text: ' Cut down ' }] }));
    expect(body.goals).toEqual(['Cut down']);
    expect(body.keyWorkerId).toBeUndefined();
    expect(body.interventions[0]).toMatchObject({ interventionId: 'brief-intervention', ownerId: undefined });
    expect(body.interventions[0]?.materials).toEqual([{ title: 'Leaflet', reference: undefined }]);
  });

  it('leaves materials out of a row that has none', () => {
    const body = planRequest(draft({ rows: [newRow('brief-intervention', 'u1', true)] }));
    expect(body.interventions[0]?.materials).toBeUndefined();
    expect(body.interventions[0]?.ownerId).toBe('u1');
  });

  it('asks for a review date, and for every goal and material title to be written or removed', () => {
    const row = { ...newRow('x', '', false), materials: [{ key: 3, title: '  ', reference: 'r' }] };
    expect(planProblems(draft({ reviewDue: '', goals: [{ key: 4, text: ' ' }], rows: [row] }))).toEqual({
      reviewDue: 'Enter the review date',
      'goals.0': 'Write the goal, or remove it',
      'interventions.0.materials.0.title': 'Give the material a title, or remove it',
    });
  });

  it('finds nothing to fix in a plan with a review date and written goals', () => {
    expect(planProblems(draft({ goals: [{ key: 5, text: 'Sleep better' }] }))).toEqual({});
  });
});
