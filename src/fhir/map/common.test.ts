import { describe, expect, it } from 'vitest';
import { ANSWER_SYSTEM_BASE, QUESTIONNAIRE_BASE } from '../../domain/instruments/fhir-types.ts';
import {
  instant,
  KASPR_BASE,
  LOINC,
  meta,
  NHS_NUMBER_SYSTEM,
  prune,
  ref,
  SNOMED,
  THO,
  UCUM,
} from './common.ts';

describe('FHIR mapping constants', () => {
  it.each([
    [LOINC, 'http://loinc.org'],
    [UCUM, 'http://unitsofmeasure.org'],
    [SNOMED, 'http://snomed.info/sct'],
    [THO, 'http://terminology.hl7.org/CodeSystem'],
    [NHS_NUMBER_SYSTEM, 'https://fhir.nhs.uk/Id/nhs-number'],
  ])('names the system %s of the mapping reference', (constant, url) => {
    expect(constant).toBe(url);
  });

  it('uses the same local base as the Questionnaire export', () => {
    expect(KASPR_BASE).toBe('https://kaspr.example/fhir');
    expect(ANSWER_SYSTEM_BASE).toBe(`${KASPR_BASE}/CodeSystem/`);
    expect(QUESTIONNAIRE_BASE).toBe(`${KASPR_BASE}/Questionnaire/`);
  });
});

describe('meta, ref and instant', () => {
  it('writes the version as a string and a Date as a UTC instant', () => {
    expect(meta(4, new Date('2026-07-01T12:00:00+02:00'))).toEqual({
      versionId: '4',
      lastUpdated: '2026-07-01T10:00:00.000Z',
    });
    expect(meta('7', '2026-07-01T10:00:00.000Z')).toEqual({
      versionId: '7',
      lastUpdated: '2026-07-01T10:00:00.000Z',
    });
  });

  it('makes a relative literal reference', () => {
    expect(ref('Patient', 'abc-123')).toEqual({ reference: 'Patient/abc-123' });
  });

  it('writes an instant ending in Z', () => {
    expect(instant(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe('2026-01-02T03:04:05.006Z');
  });
});

describe('prune', () => {
  it('drops undefined, empty strings and empty arrays, and keeps false, 0 and filled values', () => {
    expect(prune({ a: undefined, b: '', c: [], d: false, e: 0, f: 'x', g: [1] })).toStrictEqual({
      d: false,
      e: 0,
      f: 'x',
      g: [1],
    });
  });
});
