import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import type { VersionRow } from '../../store/fhir-records.ts';
import { provenanceId, toFhirProvenance, unversioned } from './provenance.ts';
import { emptyElements, PATIENT_ID, SERVICE_ID, USER_ID } from './test-fixtures.ts';

const THO = 'http://terminology.hl7.org/CodeSystem';
const PLAN_ID = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';

const version = (overrides: Partial<VersionRow> = {}): VersionRow => ({
  kind: 'Patient',
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
    const p = toFhirProvenance(version());
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
      version({
        kind: 'CarePlan',
        record_id: PLAN_ID,
        version: 4,
        reason: '  Review after crisis  ',
        recorded_at: new Date('2026-06-01T10:00:00Z'),
      }),
    );
    expect(p.id).toBe(provenanceId(PLAN_ID, 4));
    expect(p.target).toEqual([{ reference: `CarePlan/${PLAN_ID}/_history/4` }]);
    expect(p.activity?.coding?.[0]?.code).toBe('UPDATE');
    expect(p.reason).toEqual([{ text: 'Review after crisis' }]);
    expect(p.recorded).toBe('2026-06-01T10:00:00.000Z');
    expectValidFhir(p);
  });

  it('targets an assessment and a formulation version under the ids they are served as', () => {
    const assessment = toFhirProvenance(version({ kind: 'RiskAssessment', record_id: PLAN_ID, version: 2 }));
    expect(assessment.target).toEqual([{ reference: `RiskAssessment/${PLAN_ID}/_history/2` }]);
    const formulation = toFhirProvenance(
      version({ kind: 'ClinicalImpression', record_id: `${PATIENT_ID}-formulation`, version: 3 }),
    );
    expect(formulation.id).toBe(`${PATIENT_ID}-formulation-v3`);
    expect(formulation.target).toEqual([
      { reference: `ClinicalImpression/${PATIENT_ID}-formulation/_history/3` },
    ]);
    for (const p of [assessment, formulation]) expectValidFhir(p);
  });

  it('keeps the id within the 64 characters FHIR allows', () => {
    expect(provenanceId(`${PATIENT_ID}-formulation`, 123456789).length).toBeLessThanOrEqual(64);
  });
});

describe('unversioned', () => {
  it('drops the _history part of a versioned reference and keeps a plain one', () => {
    expect(unversioned(`Patient/${PATIENT_ID}/_history/12`)).toBe(`Patient/${PATIENT_ID}`);
    expect(unversioned(`Patient/${PATIENT_ID}`)).toBe(`Patient/${PATIENT_ID}`);
  });
});
