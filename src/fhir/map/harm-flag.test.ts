import { describe, expect, it } from 'vitest';
import { expectValidFhir } from '../../../test/support/fhir-validate.ts';
import { alertFlag } from './harm-flag.ts';
import { ALERT_ID, alertRow } from './harm-test-fixtures.ts';
import { PATIENT_ID } from './test-fixtures.ts';

describe('alertFlag', () => {
  it('maps an open alert as an active safety Flag from when it was raised', () => {
    const flag = alertFlag(alertRow());
    expectValidFhir(flag);
    expect(flag).toStrictEqual({
      resourceType: 'Flag',
      id: ALERT_ID,
      meta: { versionId: '1', lastUpdated: '2026-05-14T09:05:00.000Z' },
      status: 'active',
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/flag-category',
              code: 'safety',
              display: 'Safety',
            },
          ],
        },
      ],
      code: {
        coding: [{ system: 'https://kaspr.example/fhir/CodeSystem/alert', code: 'harm-level-rose' }],
        text: 'Level of need rose from 2 to 4',
      },
      subject: { reference: `Patient/${PATIENT_ID}` },
      period: { start: '2026-05-14T09:05:00.000Z' },
    });
  });

  it('makes an acknowledged alert inactive, closing the period, as version 2', () => {
    const flag = alertFlag(alertRow({ acknowledged_at: new Date('2026-05-15T10:00:00.000Z') }));
    expectValidFhir(flag);
    expect(flag.status).toBe('inactive');
    expect(flag.period).toEqual({ start: '2026-05-14T09:05:00.000Z', end: '2026-05-15T10:00:00.000Z' });
    expect(flag.meta).toEqual({ versionId: '2', lastUpdated: '2026-05-15T10:00:00.000Z' });
  });
});
