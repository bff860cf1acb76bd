// The stored discharge summary takes its times from the record and its advice from the consent documents.
import { describe, expect, it } from 'vitest';
import { dischargeAdvice } from '../consent/documents.ts';
import { dischargeSummary } from './discharge-summary.ts';
import { at } from './test-fixtures.ts';

const record = {
  dosedAt: at(0),
  administrationEndedAt: at(40),
  readings: [],
  postDoseVitals: [],
  latestVitals: null,
  alerts: [],
  doseGivenMg: 35,
};
const result = { noDrivingUntil: at(24 * 60), noDrivingRule: 'hours-after-end', bpCheckpoints: [] };
const session = { protocolRef: 'iv-racemic-psychiatric@1', dose: { doseMg: 35 }, prescriber: 'Dr A' };

describe('dischargeSummary', () => {
  it('keeps the administration times, no-driving time, advice, dose given and prescriber', () => {
    expect(dischargeSummary(record, result, session)).toEqual({
      protocol: 'iv-racemic-psychiatric@1',
      dose: { doseMg: 35 },
      administrationStartedAt: at(0).toISOString(),
      administrationEndedAt: at(40).toISOString(),
      noDrivingUntil: at(24 * 60).toISOString(),
      noDrivingRule: 'hours-after-end',
      ifUnwell: dischargeAdvice.text,
      vitals: [],
      alerts: [],
      doseGivenMg: 35,
      bpCheckpoints: [],
      prescriber: 'Dr A',
    });
  });

  it('takes the start of dosing as its end when no stop is recorded (a route that is not infused)', () => {
    const summary = dischargeSummary({ ...record, administrationEndedAt: null }, result, session);
    expect(summary.administrationEndedAt).toBe(at(0).toISOString());
  });
});
