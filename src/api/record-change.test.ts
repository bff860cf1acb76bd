// The chart-record change builder: the audit action, resource type and chart line each record kind is logged as.
import { describe, expect, it } from 'vitest';
import { added } from './record-change.ts';

describe('added', () => {
  it('names the action <kind>.create on the kind’s resource type, with the chart line', () => {
    expect(added('crisis-event', 'c1', 'Crisis event recorded')).toEqual({
      action: 'crisis-event.create',
      resource: { type: 'CrisisEvent', id: 'c1' },
      timeline: { kind: 'crisis-event', summary: 'Crisis event recorded' },
    });
  });

  it('dates the chart line when the event happened before it was recorded', () => {
    const heldAt = new Date('2026-03-02T10:00:00Z');
    expect(added('therapy-session', 't1', 'Integration session (50 min)', heldAt).timeline).toEqual({
      kind: 'therapy-session',
      summary: 'Integration session (50 min)',
      occurredAt: heldAt,
    });
  });

  it('writes no chart line for records that are not on the timeline', () => {
    expect(added('task', 'k1')).toEqual({ action: 'task.create', resource: { type: 'Task', id: 'k1' } });
  });

  it.each([
    ['appointment', 'Appointment'],
    ['care-message', 'CareMessage'],
    ['care-plan', 'CarePlan'],
    ['consent', 'Consent'],
    ['eligibility', 'Eligibility'],
    ['formulation', 'Formulation'],
    ['harm-assessment', 'HarmAssessment'],
    ['onward-referral', 'OnwardReferral'],
    ['referral', 'Referral'],
    ['treatment-session', 'TreatmentSession'],
  ] as const)('logs %s as %s', (kind, type) => {
    expect(added(kind, 'id').resource.type).toBe(type);
  });
});
