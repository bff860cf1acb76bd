import { describe, expect, it } from 'vitest';
import { dischargeRecord, dischargeSummaryFacts, type RecordedSessionEvent } from './discharge-events.ts';
import { at } from './test-fixtures.ts';

const reading = (min: number, extra: Record<string, unknown> = {}): RecordedSessionEvent => ({
  kind: 'vitals',
  at: at(min),
  data: { takenAt: at(min).toISOString(), systolic: 120, diastolic: 80, heartRate: 70, spo2: 98, ...extra },
});
const start: RecordedSessionEvent = { kind: 'administration-start', at: at(0), data: { doseMg: 35 } };
const stop = (data: Record<string, unknown> = {}): RecordedSessionEvent => ({
  kind: 'administration-stop',
  at: at(40),
  data,
});
const baseline = reading(-5, { baseline: true, alerts: [] });

function valueOf(events: RecordedSessionEvent[]) {
  const outcome = dischargeRecord(events, null);
  if (!outcome.ok) throw new Error(outcome.code);
  return outcome.value;
}

describe('dischargeRecord', () => {
  it('refuses a session already discharged, and one with no administration', () => {
    expect(dischargeRecord([baseline, start], at(90))).toMatchObject({
      ok: false,
      code: 'session-discharged',
    });
    expect(dischargeRecord([baseline], null)).toMatchObject({
      ok: false,
      code: 'administration-not-recorded',
    });
  });

  it('takes dosing from the start and the end only from a recorded stop (never the start)', () => {
    expect(valueOf([baseline, start]).administrationEndedAt).toBeNull();
    const r = valueOf([baseline, start, stop()]);
    expect(r.dosedAt).toEqual(at(0));
    expect(r.administrationEndedAt).toEqual(at(40));
  });

  it('separates the baseline, readings before dosing and readings after it; the latest is the last taken', () => {
    const r = valueOf([baseline, reading(-2), start, reading(60), reading(20), stop()]);
    expect(r.readings.map((v) => v.takenAt)).toEqual([at(-2), at(20), at(60)]);
    expect(r.postDoseVitals.map((v) => v.takenAt)).toEqual([at(20), at(60)]);
    expect(r.latestVitals?.takenAt).toEqual(at(60));
  });

  it('reads a missing number as not a number, never as normal', () => {
    const r = valueOf([start, reading(50, { systolic: null })]);
    expect(Number.isNaN(r.latestVitals?.systolic)).toBe(true);
  });

  it('collects every alert with the time of its reading and its level', () => {
    const r = valueOf([
      start,
      reading(20, {
        systolic: 185,
        alerts: [
          { code: 'systolic', severity: 'urgent', text: 'Systolic BP 185 mmHg is at or above 180 mmHg.' },
        ],
      }),
      reading(30, { alerts: [{ code: 'systolic-rise', severity: 'warning', text: 'Rise' }, 'junk'] }),
    ]);
    expect(r.alerts).toEqual([
      {
        takenAt: at(20),
        code: 'systolic',
        severity: 'urgent',
        text: 'Systolic BP 185 mmHg is at or above 180 mmHg.',
      },
      { takenAt: at(30), code: 'systolic-rise', severity: 'warning', text: 'Rise' },
    ]);
  });

  it.each([
    ['the stop records doseGivenMg', { doseGivenMg: 30 }, 30],
    ['the stop records givenMg', { givenMg: 28.5 }, 28.5],
    ['the stop records doseMg', { doseMg: 35 }, 35],
    ['the stop records no amount', { doseMg: null }, null],
  ])('reads the dose given when %s', (_label, data, expected) => {
    expect(valueOf([start, stop(data)]).doseGivenMg).toBe(expected);
  });

  it('has no dose given without a stop', () => {
    expect(valueOf([start]).doseGivenMg).toBeNull();
  });
});

describe('dischargeSummaryFacts', () => {
  it('lists the post-dose readings, alerts, dose given and fixed BP checks as JSON', () => {
    const record = valueOf([
      baseline,
      start,
      reading(40, { respiratoryRate: 14 }),
      stop({ doseGivenMg: 35 }),
    ]);
    const facts = dischargeSummaryFacts(record, [
      { checkpointMin: 40, dueAt: at(40), reading: record.postDoseVitals[0] ?? null, missedReason: null },
    ]);
    expect(facts.vitals).toEqual([
      {
        takenAt: at(40).toISOString(),
        systolic: 120,
        diastolic: 80,
        heartRate: 70,
        spo2: 98,
        respiratoryRate: 14,
      },
    ]);
    expect(facts.doseGivenMg).toBe(35);
    expect(facts.alerts).toEqual([]);
    expect(facts.bpCheckpoints[0]).toMatchObject({ checkpointMin: 40, dueAt: at(40).toISOString() });
  });
});
