// The FHIR base a Bulk Data job was asked at, which attachment URLs in its files are made absolute against.
import { describe, expect, it } from 'vitest';
import { fhirBaseOf } from './job.ts';

describe('fhirBaseOf', () => {
  it.each([
    ['https://kaspr.example/fhir/R4/$export', 'https://kaspr.example/fhir/R4'],
    [
      'https://kaspr.example/fhir/R4/$export?_type=Patient&_since=2026-01-01',
      'https://kaspr.example/fhir/R4',
    ],
    ['http://127.0.0.1:4000/fhir/R4/Patient/$export', 'http://127.0.0.1:4000/fhir/R4'],
    [
      'http://127.0.0.1:4000/fhir/R4/Group/6f1c0a52-7d0e-4c1b-9a55-0e3b8c7f2d11/$export',
      'http://127.0.0.1:4000/fhir/R4',
    ],
    ['https://kaspr.example/fhir/R4/Patient/%24export?patient=x', 'https://kaspr.example/fhir/R4'],
  ])('gives the base of %s', (url, base) => {
    expect(fhirBaseOf(url)).toBe(base);
  });

  it('gives nothing for a URL that is not a kick-off', () => {
    expect(fhirBaseOf('https://kaspr.example/fhir/R4/Patient')).toBeUndefined();
  });
});
