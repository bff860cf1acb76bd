import { describe, expect, it } from 'vitest';
import { PATIENT_ID, SESSION_ID, VITAL_SIGNS_CATEGORY, VITALS_DATA } from './test-fixtures.ts';
import { vitalSignObservations, vitalsFromEvent } from './vitals.ts';

const EVENT_AT = new Date('2026-05-14T09:32:00.000Z');
const SESSION = { id: SESSION_ID, patient_id: PATIENT_ID };
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';

function reading(data: Record<string, unknown> = VITALS_DATA) {
  const v = vitalsFromEvent({ id: 4107, data, at: EVENT_AT }, SESSION);
  if (!v) throw new Error('fixture is not a vitals shape');
  return v;
}

const shared = (suffix: string, profile: string) => ({
  resourceType: 'Observation',
  id: `4107-${suffix}`,
  meta: {
    versionId: '1',
    lastUpdated: '2026-05-14T09:32:00.000Z',
    profile: [`http://hl7.org/fhir/StructureDefinition/${profile}`],
  },
  status: 'final',
  category: [VITAL_SIGNS_CATEGORY],
  subject: { reference: `Patient/${PATIENT_ID}` },
  encounter: { reference: `Encounter/${SESSION_ID}` },
  effectiveDateTime: '2026-05-14T10:32:00+01:00',
});

describe('vitalSignObservations', () => {
  it('maps one reading to BP panel, heart rate, SpO2 and respiratory rate with LOINC codes and UCUM units', () => {
    expect(vitalSignObservations(reading())).toStrictEqual([
      {
        ...shared('bp', 'bp'),
        code: { coding: [{ system: LOINC, code: '85354-9' }], text: 'Blood pressure' },
        component: [
          {
            code: { coding: [{ system: LOINC, code: '8480-6' }], text: 'Systolic blood pressure' },
            valueQuantity: { value: 138, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' },
          },
          {
            code: { coding: [{ system: LOINC, code: '8462-4' }], text: 'Diastolic blood pressure' },
            valueQuantity: { value: 86, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' },
          },
        ],
      },
      {
        ...shared('hr', 'heartrate'),
        code: { coding: [{ system: LOINC, code: '8867-4' }], text: 'Heart rate' },
        valueQuantity: { value: 74, unit: 'beats/minute', system: UCUM, code: '/min' },
      },
      {
        ...shared('spo2', 'oxygensat'),
        code: {
          coding: [
            { system: LOINC, code: '2708-6' },
            { system: LOINC, code: '59408-5' },
          ],
          text: 'Oxygen saturation (pulse oximetry)',
        },
        valueQuantity: { value: 97.5, unit: '%', system: UCUM, code: '%' },
      },
      {
        ...shared('rr', 'resprate'),
        code: { coding: [{ system: LOINC, code: '9279-1' }], text: 'Respiratory rate' },
        valueQuantity: { value: 14, unit: 'breaths/minute', system: UCUM, code: '/min' },
      },
    ]);
  });

  it('gives the BP panel no valueQuantity of its own', () => {
    const [bp] = vitalSignObservations(reading());
    expect(bp?.valueQuantity).toBeUndefined();
    expect(bp?.component).toHaveLength(2);
  });

  it('leaves out the respiratory rate when it was not taken', () => {
    const { respiratoryRate: _rr, ...withoutRr } = VITALS_DATA;
    const observations = vitalSignObservations(reading(withoutRr));
    expect(observations.map((o) => o.id)).toEqual(['4107-bp', '4107-hr', '4107-spo2']);
  });
});

describe('vitalsFromEvent', () => {
  it('reads a stored reading with the session, patient and event ids', () => {
    const { alerts: _alerts, ...stored } = VITALS_DATA;
    expect(reading()).toStrictEqual({
      id: '4107',
      patientId: PATIENT_ID,
      sessionId: SESSION_ID,
      ...stored,
      recordedAt: EVENT_AT,
    });
    expect(stored.respiratoryRate).toBe(14);
  });

  it('reads a baseline reading (flagged baseline) the same way', () => {
    expect(reading({ ...VITALS_DATA, baseline: true }).systolic).toBe(138);
  });

  it('treats a null respiratory rate as not taken', () => {
    expect(reading({ ...VITALS_DATA, respiratoryRate: null })).not.toHaveProperty('respiratoryRate');
  });

  it.each<[string, Record<string, unknown>]>([
    ['no takenAt', { ...VITALS_DATA, takenAt: undefined }],
    ['an unparseable takenAt', { ...VITALS_DATA, takenAt: 'yesterday' }],
    ['a systolic given as text', { ...VITALS_DATA, systolic: '138' }],
    ['no diastolic', { ...VITALS_DATA, diastolic: undefined }],
    ['a non-finite heart rate', { ...VITALS_DATA, heartRate: Number.NaN }],
    ['no SpO2', { ...VITALS_DATA, spo2: undefined }],
    ['a respiratory rate given as text', { ...VITALS_DATA, respiratoryRate: '14' }],
    ['another event kind’s data', { route: 'intravenous', rateMgPerHour: 35 }],
  ])('gives null for %s', (_label, data) => {
    expect(vitalsFromEvent({ id: 1, data, at: EVENT_AT }, SESSION)).toBeNull();
  });
});
