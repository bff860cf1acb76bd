import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import type { AuditEntry } from '../../store/fhir-records.ts';
import { auditAction, auditOutcome, toFhirAuditEvent } from './audit-event.ts';
import { emptyElements, PATIENT_ID, SESSION_ID, USER_ID } from './test-fixtures.ts';

const THO = 'http://terminology.hl7.org/CodeSystem';

const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  seq: '4711',
  at: new Date('2026-05-14T09:06:30.000Z'),
  actor_id: USER_ID,
  action: 'patient.update',
  resource_type: 'Patient',
  resource_id: PATIENT_ID,
  patient_id: PATIENT_ID,
  outcome: 'success',
  ip: '203.0.113.7',
  flagged: false,
  ...overrides,
});

describe('toFhirAuditEvent', () => {
  it('maps a correction of a patient record to an update by its user, from their address', () => {
    const event = toFhirAuditEvent(entry());
    expect(event).toStrictEqual({
      resourceType: 'AuditEvent',
      id: '4711',
      meta: { versionId: '1', lastUpdated: '2026-05-14T09:06:30.000Z' },
      type: { system: `${THO}/audit-event-type`, code: 'rest', display: 'RESTful Operation' },
      subtype: [{ system: 'https://kaspr.example/fhir/CodeSystem/audit-action', code: 'patient.update' }],
      action: 'U',
      recorded: '2026-05-14T09:06:30.000Z',
      outcome: '0',
      agent: [
        {
          who: { reference: `Practitioner/${USER_ID}` },
          requestor: true,
          network: { address: '203.0.113.7', type: '2' },
        },
      ],
      source: { site: 'KASPR', observer: { display: 'KASPR' } },
      entity: [{ what: { reference: `Patient/${PATIENT_ID}` } }],
    });
    expectValidFhir(event);
  });

  it('marks break-glass use BTG and names a refusal in its outcome', () => {
    const event = toFhirAuditEvent(entry({ action: 'fhir.read', flagged: true, outcome: 'denied' }));
    expect(event.purposeOfEvent).toEqual([
      { coding: [{ system: `${THO}/v3-ActReason`, code: 'BTG', display: 'break the glass' }] },
    ]);
    expect(event.outcome).toBe('4');
    expect(event.outcomeDesc).toBe('denied');
    expectValidFhir(event);
  });

  it('refers to a FHIR resource read by reference, and to another KASPR record by its id', () => {
    const read = toFhirAuditEvent(
      entry({ action: 'fhir.read', resource_type: 'Observation', resource_id: `${PATIENT_ID}-body-weight` }),
    );
    expect(read.entity).toEqual([
      { what: { reference: `Patient/${PATIENT_ID}` } },
      { what: { reference: `Observation/${PATIENT_ID}-body-weight` }, name: 'Observation' },
    ]);
    const session = toFhirAuditEvent(
      entry({
        action: 'treatment-session.create',
        resource_type: 'TreatmentSession',
        resource_id: SESSION_ID,
      }),
    );
    expect(session.action).toBe('C');
    expect(session.entity?.[1]).toEqual({
      what: { identifier: { system: 'https://kaspr.example/fhir/Id/record', value: SESSION_ID } },
      name: 'TreatmentSession',
    });
    for (const e of [read, session]) expectValidFhir(e);
  });

  it('maps an entry with no user, address, patient or record id', () => {
    const event = toFhirAuditEvent(
      entry({
        actor_id: null,
        ip: null,
        patient_id: null,
        resource_type: 'Session',
        resource_id: null,
        action: 'auth.login',
        outcome: 'failed',
      }),
    );
    expect(event.agent).toEqual([{ requestor: true }]);
    expect(event.entity).toEqual([{ name: 'Session' }]);
    expect(event.action).toBe('E');
    expect(event.outcome).toBe('8');
    expect(emptyElements(event)).toEqual([]);
    expectValidFhir(event);
  });
});

describe('auditAction', () => {
  it.each([
    ['patient.create', 'C'],
    ['break-glass.grant', 'C'],
    ['treatment-session.vitals', 'C'],
    ['fhir.read', 'R'],
    ['fhir.search', 'R'],
    ['fhir.export', 'R'],
    ['report.service-outcomes', 'R'],
    ['consent.pdf', 'R'],
    ['patient.update', 'U'],
    ['crisis-event.retract', 'U'],
    ['break-glass.review', 'U'],
    ['auth.logout', 'E'],
    ['fhir.export-cancel', 'E'],
    ['harm-assessment.replay', 'E'],
  ] as const)('reads %s as %s', (action, expected) => {
    expect(auditAction(action)).toBe(expected);
  });
});

describe('auditOutcome', () => {
  it.each([
    ['success', '0'],
    ['denied', '4'],
    ['not-found', '4'],
    ['failed', '8'],
  ] as const)('reads %s as %s', (outcome, expected) => {
    expect(auditOutcome(outcome)).toBe(expected);
  });
});
