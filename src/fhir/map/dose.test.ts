import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import type { SessionDoseRow } from '../../store/fhir-treatment.ts';
import { medicationAdministration, medicationRequest } from './dose.ts';
import { medicationSourceOf, sessionDoseOf } from './dose-source.ts';
import { sessionMedication } from './medication.ts';
import { PATIENT_ID, SERVICE_ID, SESSION_ID, USER_ID } from './test-fixtures.ts';

const SCT = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const NURSE_ID = 'b5c6d7e8-f9a0-4b1c-8d2e-3f4a5b6c7d8e';
const PRODUCT_ID = 'e1d2c3b4-a5f6-4e7d-8c9b-0a1b2c3d4e5f';

const row = (overrides: Partial<SessionDoseRow> = {}): SessionDoseRow => ({
  id: SESSION_ID,
  patient_id: PATIENT_ID,
  service_id: SERVICE_ID,
  route: 'iv-racemic',
  dose: { doseMg: 34, mgPerKg: 0.5, durationMin: 40, rateMgPerHour: 51 },
  started_at: new Date('2026-05-14T09:20:00.000Z'),
  created_by: USER_ID,
  discharged_at: new Date('2026-05-14T11:05:00.000Z'),
  events: [
    {
      kind: 'administration-start',
      data: {
        product: 'Ketamine 50 mg/mL',
        concentrationMgPerMl: 50,
        lot: 'LOT-77',
        expiry: '2028-01-31',
        doseMg: 34,
        rateMgPerHour: 51,
        cdStock: { productId: PRODUCT_ID },
      },
      at: '2026-05-14T09:25:00+00:00',
      recorded_at: '2026-05-14T09:25:30+00:00',
      by: NURSE_ID,
    },
    {
      kind: 'administration-rate-change',
      data: { rateMgPerHour: 40, doseMg: 34 },
      at: '2026-05-14T09:40:00+00:00',
      recorded_at: '2026-05-14T09:40:10+00:00',
      by: NURSE_ID,
    },
    {
      kind: 'administration-stop',
      data: { givenMg: 30, startedMg: 34 },
      at: '2026-05-14T10:05:00+00:00',
      recorded_at: '2026-05-14T10:06:00+00:00',
      by: USER_ID,
    },
  ],
  stock_lot: 'LOT-77',
  product: {
    id: PRODUCT_ID,
    drug: 'Ketamine',
    form: 'solution for injection',
    strength: { per: 'ml', mgPerMl: 50, containerMl: 2 },
    code_system: 'dmd',
    code_value: '11424411000001100',
    created_at: '2026-01-10T08:00:00+00:00',
  },
  ...overrides,
});

describe('medicationRequest', () => {
  it('maps the session dose to a completed order with route, mg and mg/h', () => {
    const r = medicationRequest(sessionDoseOf(row()));
    expect(r).toStrictEqual({
      resourceType: 'MedicationRequest',
      id: `${SESSION_ID}-request`,
      meta: { versionId: '1', lastUpdated: '2026-05-14T11:05:00.000Z' },
      status: 'completed',
      intent: 'order',
      medicationReference: { reference: `Medication/${SESSION_ID}-medication` },
      subject: { reference: `Patient/${PATIENT_ID}` },
      encounter: { reference: `Encounter/${SESSION_ID}` },
      authoredOn: '2026-05-14T09:20:00.000Z',
      requester: { reference: `Practitioner/${USER_ID}` },
      dosageInstruction: [
        {
          text: '34 mg over 40 min',
          route: { coding: [{ system: SCT, code: '47625008' }], text: 'Intravenous' },
          doseAndRate: [
            {
              doseQuantity: { value: 34, unit: 'mg', system: UCUM, code: 'mg' },
              rateQuantity: { value: 51, unit: 'mg/h', system: UCUM, code: 'mg/h' },
            },
          ],
        },
      ],
    });
    expectValidFhir(r);
  });

  it('is active before discharge, carries the prescriber reason and who gave it, and has no rate for a nasal dose', () => {
    const r = medicationRequest(
      sessionDoseOf(
        row({
          discharged_at: null,
          route: 'intranasal-esketamine',
          dose: {
            doseMg: 56,
            rateMgPerHour: null,
            durationMin: null,
            prescriberReason: 'Partial response',
            prescriberReasonBy: { userId: NURSE_ID, via: 're-authenticated', at: '2026-05-14T09:19:00.000Z' },
          },
        }),
      ),
    );
    expect(r.status).toBe('active');
    expect(r.note).toEqual([{ text: 'Partial response' }]);
    expect(r.requester).toEqual({ reference: `Practitioner/${NURSE_ID}` });
    expect(r.dosageInstruction?.[0]).toStrictEqual({
      text: '56 mg',
      route: { coding: [{ system: SCT, code: '46713006' }], text: 'Intranasal' },
      doseAndRate: [{ doseQuantity: { value: 56, unit: 'mg', system: UCUM, code: 'mg' } }],
    });
    expectValidFhir(r);
  });
});

describe('medicationAdministration', () => {
  it('maps start, rate change and stop to a completed administration of the amount given at the last rate', () => {
    const a = medicationAdministration(sessionDoseOf(row()));
    expect(a).toStrictEqual({
      resourceType: 'MedicationAdministration',
      id: `${SESSION_ID}-administration`,
      meta: { versionId: '1', lastUpdated: '2026-05-14T10:06:00.000Z' },
      status: 'completed',
      medicationReference: { reference: `Medication/${SESSION_ID}-medication` },
      subject: { reference: `Patient/${PATIENT_ID}` },
      context: { reference: `Encounter/${SESSION_ID}` },
      effectivePeriod: { start: '2026-05-14T09:25:00.000Z', end: '2026-05-14T10:05:00.000Z' },
      performer: [
        { actor: { reference: `Practitioner/${NURSE_ID}` } },
        { actor: { reference: `Practitioner/${USER_ID}` } },
      ],
      request: { reference: `MedicationRequest/${SESSION_ID}-request` },
      dosage: {
        route: { coding: [{ system: SCT, code: '47625008' }], text: 'Intravenous' },
        dose: { value: 30, unit: 'mg', system: UCUM, code: 'mg' },
        rateQuantity: { value: 40, unit: 'mg/h', system: UCUM, code: 'mg/h' },
      },
    });
    expectValidFhir(a ?? {});
  });

  it('is in progress with the dose started until stopped, and absent before the start', () => {
    const events = row().events ?? [];
    const a = medicationAdministration(sessionDoseOf(row({ events: events.slice(0, 1) })));
    expect(a?.status).toBe('in-progress');
    expect(a?.effectivePeriod).toStrictEqual({ start: '2026-05-14T09:25:00.000Z' });
    expect(a?.dosage?.dose?.value).toBe(34);
    expect(a?.dosage?.rateQuantity?.value).toBe(51);
    expectValidFhir(a ?? {});
    expect(medicationAdministration(sessionDoseOf(row({ events: null })))).toBeNull();
  });
});

describe('sessionMedication', () => {
  it("carries the register product's dm+d code, form and strength with the lot and expiry given", () => {
    const m = sessionMedication(medicationSourceOf(row()));
    expect(m).toStrictEqual({
      resourceType: 'Medication',
      id: `${SESSION_ID}-medication`,
      meta: { versionId: '1', lastUpdated: '2026-05-14T09:25:30.000Z' },
      code: { coding: [{ system: SCT, code: '11424411000001100' }], text: 'Ketamine 50 mg/mL' },
      status: 'active',
      form: { text: 'solution for injection' },
      ingredient: [
        {
          itemCodeableConcept: {
            coding: [{ system: SCT, code: '373464007', display: 'Ketamine' }],
            text: 'Ketamine',
          },
          isActive: true,
          strength: {
            numerator: { value: 50, unit: 'mg', system: UCUM, code: 'mg' },
            denominator: { value: 1, unit: 'mL', system: UCUM, code: 'mL' },
          },
        },
      ],
      batch: { lotNumber: 'LOT-77', expirationDate: '2028-01-31' },
    });
    expectValidFhir(m);
  });

  it('is plain ketamine by route before the start, and esketamine (by name only) for the nasal route', () => {
    const before = sessionMedication(
      medicationSourceOf(row({ events: null, product: null, stock_lot: null })),
    );
    expect(before.code).toStrictEqual({ text: 'Ketamine' });
    expect(before).not.toHaveProperty('batch');
    expect(before.meta?.lastUpdated).toBe('2026-05-14T09:20:00.000Z');
    expectValidFhir(before);
    const nasal = sessionMedication(
      medicationSourceOf(
        row({ route: 'intranasal-esketamine', events: null, product: null, stock_lot: null }),
      ),
    );
    expect(nasal.code).toStrictEqual({ text: 'Esketamine' });
    expect(nasal.ingredient?.[0]?.itemCodeableConcept).toStrictEqual({ text: 'Esketamine' });
    expectValidFhir(nasal);
  });
});
