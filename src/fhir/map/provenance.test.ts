import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import type { VersionRow } from '../../store/fhir-records.ts';
import { provenanceId, toFhirProvenance, unversioned } from './provenance.ts';
import { emptyElements, PATIENT_ID, SERVICE_ID, USER_ID } from './test-fixtures.ts';

const THO = 'http://terminology.hl7.org/CodeSystem';

const version = (overrides: Partial<VersionRow> = {}): VersionRow => ({
  record_id: PATIENT_ID,
  patient_id: PATIENT_ID,
  service_id: SERVICE_ID,
  version: 1,
  reason: null,
  recorded_at: new Date('2026-03-02T09:15:00.000Z'),
  recorded_by: USER_ID,
  ...overrides,
});

describe('toFhirProvenance', () => {
  it('maps a first version to a CREATE by its author, targeting that version', () => {
    const p = toFhirProvenance('Patient', version());
    expect(p).toStrictEqual({
      resourceType: 'Provenance',
      id: `${PATIENT_ID}-v1`,
      meta: { versionId: '1', lastUpdated: '2026-03-02T09:15:00.000Z' },
      target: [{ reference: `Patient/${PATIENT_ID}/_history/1` }],
      recorded: '2026-03-02T09:15:00.000Z',
      activity: { coding: [{ system: `${THO}/v3-DataOperation`, code: 'CREATE', display: 'create' }] },
      agent: [
        {
          type: {
            coding: [{ system: `${THO}/provenance-participant-type`, code: 'author', display: 'Author' }],
          },
          who: { reference: `Practitioner/${USER_ID}` },
        },
      ],
    });
    expectValidFhir(p);
    expect(emptyElements(p)).toEqual([]);
  });

  it('maps a correction to an UPDATE carrying KASPR’s reason', () => {
    const p = toFhirProvenance(
      'CarePlan',
      version({
        version: 4,
        reason: '  Review after crisis  ',
        recorded_at: new Date('2026-06-01T10:00:00Z'),
      }),
    );
    expect(p.id).toBe(provenanceId(PATIENT_ID, 4));
    expect(p.target).toEqual([{ reference: `CarePlan/${PATIENT_ID}/_history/4` }]);
    expect(p.activity?.coding?.[0]?.code).toBe('UPDATE');
    expect(p.reason).toEqual([{ text: 'Review after crisis' }]);
    expect(p.recorded).toBe('2026-06-01T10:00:00.000Z');
    expectValidFhir(p);
  });

  it('keeps the id within the 64 characters FHIR allows', () => {
    expect(provenanceId(PATIENT_ID, 123456).length).toBeLessThanOrEqual(64);
  });
});

describe('unversioned', () => {
  it('drops the _history part of a versioned reference and keeps a plain one', () => {
    expect(unversioned(`Patient/${PATIENT_ID}/_history/12`)).toBe(`Patient/${PATIENT_ID}`);
    expect(unversioned(`Patient/${PATIENT_ID}`)).toBe(`Patient/${PATIENT_ID}`);
  });
});
