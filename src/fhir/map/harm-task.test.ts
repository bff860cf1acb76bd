import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import { toFhirTask } from './harm-task.ts';
import { ALERT_ID, TASK_ID, taskRow } from './harm-test-fixtures.ts';
import { PATIENT_ID, USER_ID } from './test-fixtures.ts';

describe('toFhirTask', () => {
  it('maps an open task raised by an alert: requested, high → urgent, focus on the Flag', () => {
    const task = toFhirTask(taskRow());
    expectValidFhir(task);
    expect(task).toStrictEqual({
      resourceType: 'Task',
      id: TASK_ID,
      meta: { versionId: '1', lastUpdated: '2026-05-14T09:05:00.000Z' },
      status: 'requested',
      intent: 'order',
      priority: 'urgent',
      code: { text: 'Review rising level of need' },
      description: 'Review rising level of need: Call the patient this week',
      focus: { reference: `Flag/${ALERT_ID}` },
      for: { reference: `Patient/${PATIENT_ID}` },
      authoredOn: '2026-05-14T09:05:00.000Z',
      lastModified: '2026-05-14T09:05:00.000Z',
      owner: { reference: `Practitioner/${USER_ID}`, display: 'Dr Sam Adeyemi' },
    });
  });

  it.each([
    ['normal', 'routine'],
    ['high', 'urgent'],
    ['urgent', 'asap'],
  ])('maps priority %s to %s', (kaspr, fhir) => {
    const task = toFhirTask(taskRow({ priority: kaspr }));
    expectValidFhir(task);
    expect(task.priority).toBe(fhir);
  });

  it('completes a task with its note, as version 2, and gives a shared-care task no focus or detail', () => {
    const task = toFhirTask(
      taskRow({
        source_type: 'SharedCare',
        source_id: PATIENT_ID,
        detail: '',
        assigned_to: null,
        assigned_to_name: null,
        completed_at: new Date('2026-05-16T12:00:00.000Z'),
        note: 'Spoke to the patient',
      }),
    );
    expectValidFhir(task);
    expect(task.status).toBe('completed');
    expect(task.focus).toBeUndefined();
    expect(task.owner).toBeUndefined();
    expect(task.description).toBe('Review rising level of need');
    expect(task.executionPeriod).toEqual({ end: '2026-05-16T12:00:00.000Z' });
    expect(task.note).toEqual([{ text: 'Spoke to the patient' }]);
    expect(task.meta).toEqual({ versionId: '2', lastUpdated: '2026-05-16T12:00:00.000Z' });
  });
});
