import { describe, expect, it } from 'vitest';
import { bodyParams, exportRequest, KickOffError, preferences, queryParams } from './params.ts';

const ask = (query: Record<string, string | string[]>, lenient = false) =>
  exportRequest(queryParams(query), lenient);

describe('exportRequest', () => {
  it('reads _type as a comma list, repeated, or both, dropping duplicates', () => {
    expect(ask({ _type: 'Patient,Observation' }).types).toEqual(['Patient', 'Observation']);
    expect(ask({ _type: ['Patient', 'Observation'] }).types).toEqual(['Patient', 'Observation']);
    expect(ask({ _type: ['Patient,Observation', 'Patient'] }).types).toEqual(['Patient', 'Observation']);
    expect(ask({}).types).toBeUndefined();
  });

  it('refuses a type not served, unless lenient (then ignored with a warning)', () => {
    expect(() => ask({ _type: 'Patient,Claim' })).toThrow(KickOffError);
    const lenient = ask({ _type: 'Patient,Claim' }, true);
    expect(lenient.types).toEqual(['Patient']);
    expect(lenient.warnings).toHaveLength(1);
    expect(lenient.warnings[0]).toContain('Claim');
  });

  it.each([
    ['2026-01-01T00:00:00Z', true],
    ['2026-01-01T00:00:00.123Z', true],
    ['2026-01-01T23:59:59+14:00', true],
    ['2026-01-01T00:00:00-13:59', true],
    ['2026-01-01T00:00:00 01:00', true],
    ['2026-01-01T00:00:00+14:01', false],
    ['2026-01-01T24:00:00Z', false],
    ['2026-13-01T00:00:00Z', false],
    ['2026-01-32T00:00:00Z', false],
    ['2026-01-01T00:00:00', false],
    ['2026-01-01T00:00Z', false],
    ['2026-01-01', false],
    ['yesterday', false],
  ])('_since=%s is accepted: %s', (since, ok) => {
    if (ok) expect(ask({ _since: since }).since).toMatch(/^2026-01-01T/);
    else expect(() => ask({ _since: since }, true)).toThrow(KickOffError);
  });

  it('refuses _since given twice', () => {
    expect(() => ask({ _since: ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'] })).toThrow(KickOffError);
  });

  it('accepts the three NDJSON spellings and refuses another format unless lenient', () => {
    for (const f of ['application/fhir+ndjson', 'application/ndjson', 'ndjson'])
      expect(ask({ _outputFormat: f }).warnings).toEqual([]);
    expect(() => ask({ _outputFormat: 'application/json' })).toThrow(KickOffError);
    expect(ask({ _outputFormat: 'application/json' }, true).warnings).toHaveLength(1);
  });

  it('refuses an unknown parameter unless lenient', () => {
    expect(() => ask({ _typeFilter: 'Patient?active=true' })).toThrow(KickOffError);
    expect(ask({ _typeFilter: 'Patient?active=true' }, true).warnings[0]).toContain('_typeFilter');
  });

  it('reads patient references, refusing anything but a Patient', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(ask({ patient: [`Patient/${id}`, `https://x.test/fhir/Patient/${id}`] }).patientIds).toEqual([id]);
    expect(() => ask({ patient: `Group/${id}` })).toThrow(KickOffError);
  });
});

describe('bodyParams', () => {
  it('reads a Parameters resource: strings, instants, codes and references, repeated', () => {
    const params = bodyParams({
      resourceType: 'Parameters',
      parameter: [
        { name: '_type', valueString: 'Patient' },
        { name: '_since', valueInstant: '2026-01-01T00:00:00Z' },
        { name: '_outputFormat', valueCode: 'ndjson' },
        { name: 'patient', valueReference: { reference: 'Patient/a' } },
        { name: 'patient', valueReference: { reference: 'Patient/b' } },
      ],
    });
    expect(Object.fromEntries(params)).toEqual({
      _type: ['Patient'],
      _since: ['2026-01-01T00:00:00Z'],
      _outputFormat: ['ndjson'],
      patient: ['Patient/a', 'Patient/b'],
    });
    expect(bodyParams(undefined).size).toBe(0);
  });

  it('refuses a body that is not Parameters, or a parameter without a value', () => {
    expect(() => bodyParams({ resourceType: 'Patient' })).toThrow(KickOffError);
    expect(() => bodyParams({ resourceType: 'Parameters', parameter: {} })).toThrow(KickOffError);
    expect(() => bodyParams({ resourceType: 'Parameters', parameter: [{ name: '_type' }] })).toThrow(
      KickOffError,
    );
  });
});

describe('preferences', () => {
  it('reads respond-async and handling, in any case and spacing', () => {
    const p = preferences('Respond-Async, handling = lenient');
    expect(p.has('respond-async')).toBe(true);
    expect(p.has('handling=lenient')).toBe(true);
    expect(preferences(undefined).size).toBe(0);
  });
});
