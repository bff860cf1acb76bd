// The pure parts of FHIR import and create: reading a Bundle as a plan, vital signs (incl. Synthea's 55284-4),
// allergies and medications, and inline documents, each at its boundaries.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { documentRequest, MAX_DOCUMENT_BYTES } from '../create/document.ts';
import { FhirRefusal } from '../create/refusal.ts';
import { isVitalSign, vitalsRequest } from '../create/vitals.ts';
import { MAX_ENTRIES, planBundle } from './plan.ts';
import { allergyFrom, medicationFrom } from './records.ts';

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const entry = (resource: Record<string, unknown>, method = 'POST') => ({
  resource,
  request: { method, url: String(resource.resourceType) },
});
const observation = (code: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'Observation',
  code: { coding: [{ system: LOINC, code }], text: `code ${code}` },
  subject: { reference: 'Patient/p' },
  effectiveDateTime: '2026-11-30T09:15:00Z',
  ...more,
});
const mmHg = (code: string, value: number, unit = 'mm[Hg]') => ({
  code: { coding: [{ system: LOINC, code }] },
  valueQuantity: { value, system: UCUM, code: unit },
});
const refusal = (run: () => unknown): FhirRefusal => {
  try {
    run();
  } catch (err) {
    if (err instanceof FhirRefusal) return err;
    throw err;
  }
  throw new Error('not refused');
};

describe('planBundle', () => {
  it('classifies what KASPR keeps, and says why the rest is not imported', () => {
    const plan = planBundle({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        entry({ resourceType: 'Patient' }),
        entry(observation('55284-4')),
        entry(observation('29463-7')),
        entry(observation('39156-5')),
        entry({ resourceType: 'AllergyIntolerance' }),
        entry({ resourceType: 'MedicationRequest' }),
        entry({ resourceType: 'QuestionnaireResponse' }),
        entry({ resourceType: 'DocumentReference' }),
        entry({ resourceType: 'Claim' }),
        entry({ resourceType: 'Encounter' }),
        entry({ resourceType: 'Patient' }, 'PUT'),
      ],
    });
    expect(plan.entries.map((e) => e.kind)).toEqual([
      'patient',
      'vitals',
      'measure',
      'skip',
      'allergy',
      'medication',
      'response',
      'document',
      'skip',
      'skip',
      'skip',
    ]);
    expect(plan.entries[3]?.reason).toContain('code 39156-5 (LOINC 39156-5)');
    expect(plan.entries[8]?.reason).toBe('KASPR does not keep Claim records');
    expect(plan.entries[10]?.reason).toContain('PUT is not imported');
  });

  it.each([
    [{ resourceType: 'Patient' }, 'Bundle'],
    [{ resourceType: 'Bundle', type: 'collection' }, 'Bundle.type'],
    [
      { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: { resourceType: 'Patient' } }] },
      'Bundle.entry[0].request',
    ],
    [
      { resourceType: 'Bundle', type: 'batch', entry: [{ request: { method: 'POST' } }] },
      'Bundle.entry[0].resource',
    ],
    [
      {
        resourceType: 'Bundle',
        type: 'batch',
        entry: [
          { fullUrl: 'urn:uuid:a', resource: { resourceType: 'Patient' } },
          { fullUrl: 'urn:uuid:a', resource: { resourceType: 'Patient' } },
        ],
      },
      'Bundle.entry[1].fullUrl',
    ],
  ])('refuses %j at %s (400)', (body, at) => {
    const err = refusal(() => planBundle(body));
    expect(err.status).toBe(400);
    expect(err.outcome.issue[0]?.expression).toEqual([at]);
  });

  it('takes at most MAX_ENTRIES entries', () => {
    const at = (n: number) => ({
      resourceType: 'Bundle',
      type: 'batch',
      entry: Array.from({ length: n }, () => ({ resource: { resourceType: 'Claim' } })),
    });
    expect(planBundle(at(MAX_ENTRIES)).entries).toHaveLength(MAX_ENTRIES);
    expect(refusal(() => planBundle(at(MAX_ENTRIES + 1))).status).toBe(400);
  });
});

describe('vitalsRequest', () => {
  it('reads Synthea 55284-4 and the panel 85354-9 as blood pressure, rounded to whole mmHg', () => {
    for (const code of ['55284-4', '85354-9']) {
      const r = vitalsRequest(
        observation(code, { component: [mmHg('8462-4', 77.5), mmHg('8480-6', 114.49)] }),
      );
      expect(r.body).toMatchObject({ systolic: 114, diastolic: 78, takenAt: '2026-11-30T09:15:00Z' });
      expect(r.patientId).toBe('p');
    }
  });

  it('reads heart rate, both SpO2 codes and respiratory rate in their UCUM units', () => {
    const q = (value: number, code: string) => ({ valueQuantity: { value, system: UCUM, code } });
    expect(vitalsRequest(observation('8867-4', q(71.5, '/min'))).body.heartRate).toBe(72);
    expect(vitalsRequest(observation('2708-6', q(97.46, '%'))).body.spo2).toBe(97.5);
    expect(vitalsRequest(observation('59408-5', q(96, '%'))).body.spo2).toBe(96);
    expect(vitalsRequest(observation('9279-1', q(14, '/min'))).body.respiratoryRate).toBe(14);
    expect(isVitalSign(observation('29463-7'))).toBe(false);
  });

  it('refuses a missing component, a unit other than mm[Hg] or /min', () => {
    expect(
      refusal(() => vitalsRequest(observation('85354-9', { component: [mmHg('8480-6', 120)] }))).status,
    ).toBe(422);
    const mmhg = observation('85354-9', { component: [mmHg('8480-6', 120, 'mmHg'), mmHg('8462-4', 80)] });
    expect(refusal(() => vitalsRequest(mmhg)).outcome.issue[0]?.expression).toEqual([
      'Observation.component[0].valueQuantity',
    ]);
    const bpm = observation('8867-4', { valueQuantity: { value: 70, system: UCUM, code: 'bpm' } });
    expect(refusal(() => vitalsRequest(bpm)).status).toBe(422);
  });

  it('keeps the sender’s identifier, else the source it is given', () => {
    const q = { valueQuantity: { value: 70, system: UCUM, code: '/min' } };
    const own = observation('8867-4', { ...q, identifier: [{ system: 'urn:x', value: '1' }] });
    expect(vitalsRequest(own, { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:b' }).body.source).toEqual({
      system: 'urn:x',
      value: '1',
    });
    expect(
      vitalsRequest(observation('8867-4', q), { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:b' }).body
        .source,
    ).toEqual({
      system: 'urn:ietf:rfc:3986',
      value: 'urn:uuid:b',
    });
  });
});

describe('allergies and medications', () => {
  it('imports an active allergy with its reaction; not an inactive, refuted or entered-in-error one', () => {
    const status = (system: string, code: string) => ({ coding: [{ system, code }] });
    const clinical = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
    const verification = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';
    expect(
      allergyFrom({
        clinicalStatus: status(clinical, 'active'),
        code: { coding: [{ display: 'Penicillin' }] },
        reaction: [
          { manifestation: [{ text: 'Rash' }, { coding: [{ display: 'Wheeze' }] }], severity: 'severe' },
        ],
      }),
    ).toEqual({ value: { substance: 'Penicillin', reaction: 'Rash, Wheeze', severity: 'severe' } });
    expect(allergyFrom({ code: { text: 'Latex' } })).toEqual({
      value: { substance: 'Latex', severity: 'unknown' },
    });
    expect(allergyFrom({ clinicalStatus: status(clinical, 'resolved') })).toHaveProperty('skip');
    expect(allergyFrom({ verificationStatus: status(verification, 'refuted') })).toHaveProperty('skip');
    expect(allergyFrom({ verificationStatus: status(verification, 'entered-in-error') })).toHaveProperty(
      'skip',
    );
  });

  it('reads a stated "no known allergies" (SNOMED 716186003 or 409137002, IPS no-known-allergies, or its text) as a status, not an allergy', () => {
    const none = { value: { noneKnown: true } };
    const coded = (system: string, code: string) => ({ code: { coding: [{ system, code }] } });
    expect(allergyFrom(coded('http://snomed.info/sct', '716186003'))).toEqual(none);
    expect(allergyFrom(coded('http://snomed.info/sct', '409137002'))).toEqual(none);
    expect(
      allergyFrom(coded('http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips', 'no-known-allergies')),
    ).toEqual(none);
    for (const text of ['NKDA', 'No known allergy (situation)', 'No known drug allergies'])
      expect(allergyFrom({ code: { text } }), text).toEqual(none);
    // The same code in another system, or a text that names a substance, is an allergy.
    expect(allergyFrom(coded('http://example.org/codes', '716186003'))).not.toEqual(none);
    expect(allergyFrom({ code: { text: 'No known allergy to latex confirmed' } })).not.toEqual(none);
    // A refuted statement is not imported at all.
    const refuted = {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'refuted' },
      ],
    };
    expect(
      allergyFrom({ verificationStatus: refuted, ...coded('http://snomed.info/sct', '716186003') }),
    ).toHaveProperty('skip');
  });

  it('imports an active medication by its concept; not a stopped one or one by reference', () => {
    expect(
      medicationFrom({
        status: 'active',
        medicationCodeableConcept: { text: 'Sertraline 50 mg' },
        dosageInstruction: [{ text: 'One daily', route: { text: 'Oral' } }],
      }),
    ).toEqual({ value: { name: 'Sertraline 50 mg', dose: 'One daily', route: 'Oral' } });
    expect(medicationFrom({ status: 'stopped', medicationCodeableConcept: { text: 'x' } })).toEqual({
      skip: 'its status is stopped; KASPR lists the medications a patient takes now',
    });
    expect(
      medicationFrom({ status: 'active', medicationReference: { reference: 'Medication/1' } }),
    ).toHaveProperty('skip');
  });
});

describe('documentRequest', () => {
  const doc = (attachment: Record<string, unknown>) => ({
    resourceType: 'DocumentReference',
    subject: { reference: 'Patient/p' },
    content: [{ attachment }],
  });
  it('keeps inline content with its SHA-1, checking a stated size and hash', () => {
    const data = Buffer.from('hello');
    const sha1 = createHash('sha1').update(data).digest('base64');
    const r = documentRequest(
      doc({ contentType: 'text/plain; charset=utf-8', data: data.toString('base64'), size: 5, hash: sha1 }),
    );
    expect(r).toMatchObject({ contentType: 'text/plain', sha1, title: 'Document', patientId: 'p' });
    expect(r.content.equals(data)).toBe(true);
    expect(
      refusal(() => documentRequest(doc({ contentType: 'text/plain', data: 'aGVsbG8=', size: 4 }))).status,
    ).toBe(422);
    expect(
      refusal(() => documentRequest(doc({ contentType: 'text/plain', data: 'aGVsbG8=', hash: 'x' }))).status,
    ).toBe(422);
  });

  it('takes 10 MB and refuses one byte more, content by URL, and types it does not keep', () => {
    const at = (bytes: number) =>
      doc({ contentType: 'application/pdf', data: Buffer.alloc(bytes, 1).toString('base64') });
    expect(documentRequest(at(MAX_DOCUMENT_BYTES)).content).toHaveLength(MAX_DOCUMENT_BYTES);
    expect(refusal(() => documentRequest(at(MAX_DOCUMENT_BYTES + 1))).status).toBe(422);
    expect(
      refusal(() => documentRequest(doc({ contentType: 'application/pdf', url: 'https://x/y.pdf' }))).status,
    ).toBe(422);
    expect(refusal(() => documentRequest(doc({ contentType: 'text/html', data: 'aGk=' }))).status).toBe(422);
  });
});
