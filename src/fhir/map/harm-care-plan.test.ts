import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import { carePlanGoals, toFhirCarePlan } from './harm-care-plan.ts';
import { carePlanVersion, DECISION_ID, KEY_WORKER_ID, PLAN_ID } from './harm-test-fixtures.ts';
import { PATIENT_ID, USER_ID } from './test-fixtures.ts';

const INTERVENTION = 'https://kaspr.example/fhir/CodeSystem/intervention';

describe('toFhirCarePlan', () => {
  it('maps a plan version with its interventions, goals, decision, key worker and review as an activity', () => {
    const plan = toFhirCarePlan(carePlanVersion());
    expectValidFhir(plan);
    expect(plan).toStrictEqual({
      resourceType: 'CarePlan',
      id: PLAN_ID,
      meta: { versionId: '2', lastUpdated: '2026-05-14T11:20:00.000Z' },
      status: 'active',
      intent: 'plan',
      title: 'Harm pathway care plan',
      subject: { reference: `Patient/${PATIENT_ID}` },
      period: { start: '2026-04-02T10:00:00.000Z' },
      created: '2026-04-02T10:00:00.000Z',
      author: { reference: `Practitioner/${USER_ID}`, display: 'Dr Sam Adeyemi' },
      contributor: [{ reference: `Practitioner/${KEY_WORKER_ID}` }],
      supportingInfo: [{ reference: `ClinicalImpression/${DECISION_ID}` }],
      goal: [{ reference: `Goal/${PLAN_ID}-goal-1` }, { reference: `Goal/${PLAN_ID}-goal-2` }],
      activity: [
        {
          detail: {
            code: { coding: [{ system: INTERVENTION, code: 'urgent-medical-review' }] },
            status: 'scheduled',
            scheduledPeriod: { end: '2026-06-01' },
            performer: [{ reference: `Practitioner/${USER_ID}` }],
            description: 'Bladder scan booked',
          },
        },
        {
          detail: {
            code: { coding: [{ system: INTERVENTION, code: 'harm-reduction-advice' }] },
            status: 'not-started',
          },
        },
        {
          detail: {
            code: { text: 'Care plan review' },
            status: 'scheduled',
            scheduledPeriod: { start: '2026-08-14' },
          },
        },
      ],
      note: [{ text: 'Level rose after re-assessment', time: '2026-05-14T11:20:00.000Z' }],
    });
  });

  it('keeps the review activity when a first version has no interventions, goals, decision or reason', () => {
    const plan = toFhirCarePlan(
      carePlanVersion({ version: 1, plan: { interventions: [] }, decision_id: null, reason: null }),
    );
    expectValidFhir(plan);
    expect(plan.meta?.versionId).toBe('1');
    expect(plan.goal).toBeUndefined();
    expect(plan.supportingInfo).toBeUndefined();
    expect(plan.note).toBeUndefined();
    expect(plan.activity).toEqual([
      {
        detail: {
          code: { text: 'Care plan review' },
          status: 'scheduled',
          scheduledPeriod: { start: '2026-08-14' },
        },
      },
    ]);
  });
});

describe('carePlanGoals', () => {
  it('makes one active Goal per goal text, numbered from 1 under the plan id', () => {
    const goals = carePlanGoals(carePlanVersion());
    for (const g of goals) expectValidFhir(g);
    expect(goals[1]).toStrictEqual({
      resourceType: 'Goal',
      id: `${PLAN_ID}-goal-2`,
      meta: { versionId: '2', lastUpdated: '2026-05-14T11:20:00.000Z' },
      lifecycleStatus: 'active',
      description: { text: 'Attend the urology appointment' },
      subject: { reference: `Patient/${PATIENT_ID}` },
      startDate: '2026-04-02',
    });
  });

  it('gives none for a version recorded before goals were part of the plan', () => {
    expect(carePlanGoals(carePlanVersion({ plan: { interventions: [] } }))).toEqual([]);
  });
});
