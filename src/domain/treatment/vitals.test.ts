import { describe, expect, it } from 'vitest';
import { validateProtocol } from './protocol-validate.ts';
import { ivRacemicPsychiatric } from './protocol-iv-psychiatric.ts';
import { at, esketamine, ivPsychiatric, valueOf, vitals } from './test-fixtures.ts';
import { breathsPerMinute } from './units.ts';
import { crosses, vitalAlerts } from './vitals.ts';

const baseline = vitals({ systolic: 120, diastolic: 80, heartRate: 70, spo2: 98 }, at(-10));
const codes = (reading: Parameters<typeof vitals>[0], base = baseline) =>
  vitalAlerts(vitals(reading, at(20)), base, ivPsychiatric).map((a) => a.code);

describe('vitalAlerts', () => {
  it('gives no alert for a reading near baseline', () => {
    expect(codes({ systolic: 130, diastolic: 85, heartRate: 80, spo2: 97 })).toEqual([]);
  });

  it.each([
    [{ systolic: 179 }, []],
    [{ systolic: 180 }, ['systolic']],
    [{ diastolic: 99 }, []],
    [{ diastolic: 100 }, ['diastolic']],
    [{ heartRate: 109 }, []],
    [{ heartRate: 110 }, ['heart-rate']],
    [{ spo2: 94 }, []],
    [{ spo2: 93 }, ['spo2']],
  ])('%j gives %j (thresholds ≥180, ≥100, ≥110, <94)', (reading, expected) => {
    // A high baseline keeps the rise alerts out of this table.
    const high = vitals({ systolic: 170, diastolic: 95, heartRate: 100, spo2: 98 }, at(-10));
    expect(codes({ systolic: 170, diastolic: 95, heartRate: 100, ...reading }, high)).toEqual(expected);
  });

  it('alerts on a rise of ≥40 systolic or ≥25 diastolic from baseline (label figures), not just under', () => {
    expect(codes({ systolic: 159, diastolic: 104 }, vitals({ systolic: 120, diastolic: 80 }))).toEqual([
      'diastolic',
    ]);
    expect(codes({ systolic: 160 }, vitals({ systolic: 120 }))).toEqual(['systolic-rise']);
    expect(codes({ diastolic: 95 }, vitals({ diastolic: 70 }))).toEqual(['diastolic-rise']);
    expect(codes({ diastolic: 94 }, vitals({ diastolic: 70 }))).toEqual([]);
  });

  it('skips the rise alerts without a baseline', () => {
    expect(vitalAlerts(vitals({ systolic: 170 }), null, ivPsychiatric)).toEqual([]);
  });

  it('puts urgent alerts first and carries the threshold, source and certainty', () => {
    const alerts = vitalAlerts(vitals({ systolic: 185, spo2: 90 }), baseline, ivPsychiatric);
    expect(alerts.map((a) => [a.code, a.severity])).toEqual([
      ['systolic', 'urgent'],
      ['spo2', 'urgent'],
      ['systolic-rise', 'warning'],
    ]);
    expect(alerts[0]).toMatchObject({
      value: 185,
      threshold: 180,
      comparator: '>=',
      certainty: 'unverified',
    });
    expect(alerts[0]?.source).toContain('not confirmed');
    expect(alerts[0]?.text).toBe('Systolic BP 185 mmHg is at or above 180 mmHg.');
  });

  it('marks the rise thresholds verified for esketamine and synthesis (by analogy) for IV', () => {
    const rise = (p: typeof esketamine) =>
      vitalAlerts(vitals({ systolic: 165 }), baseline, p).find((a) => a.code === 'systolic-rise');
    expect(rise(esketamine)?.certainty).toBe('verified');
    expect(rise(ivPsychiatric)?.certainty).toBe('synthesis');
  });

  // Review 2026-12 §6 item 21: hypotension and bradycardia (80/45, HR 38) raised no alert.
  it.each([
    [{ systolic: 91 }, []],
    [{ systolic: 90 }, []],
    [{ systolic: 89 }, ['systolic-low']],
    [{ heartRate: 51 }, []],
    [{ heartRate: 50 }, []],
    [{ heartRate: 49 }, ['heart-rate-low']],
    [{ spo2: 95 }, []],
    [{ spo2: 94 }, []],
    [{ spo2: 93 }, ['spo2']],
    [{ systolic: 80, diastolic: 45, heartRate: 38 }, ['systolic-low', 'heart-rate-low']],
  ])('%j gives %j (low thresholds SBP <90, HR <50, SpO2 <94)', (reading, expected) => {
    const low = vitals({ systolic: 100, diastolic: 60, heartRate: 60, spo2: 98 }, at(-10));
    expect(codes({ systolic: 100, diastolic: 60, heartRate: 60, ...reading }, low)).toEqual(expected);
  });

  it('marks the low thresholds as urgent, synthesis settings with their source', () => {
    const alerts = vitalAlerts(vitals({ systolic: 80, heartRate: 38 }), null, ivPsychiatric);
    for (const a of alerts) {
      expect(a).toMatchObject({ severity: 'urgent', comparator: '<', certainty: 'synthesis' });
      expect(a.source).toMatch(/KASPR setting \[SYN\].*clinic\.md/);
    }
    expect(alerts.map((a) => [a.code, a.threshold])).toEqual([
      ['systolic-low', 90],
      ['heart-rate-low', 50],
    ]);
    expect(alerts[0]?.text).toBe('Systolic BP 80 mmHg is below 90 mmHg.');
  });

  it('alerts on a respiratory rate below 10 when one is recorded', () => {
    const reading = (rr: number) => ({ ...vitals(), respiratoryRate: breathsPerMinute(rr) });
    expect(vitalAlerts(reading(9), baseline, ivPsychiatric).map((a) => a.code)).toEqual(['respiratory-rate']);
    expect(vitalAlerts(reading(10), baseline, ivPsychiatric)).toEqual([]);
  });

  it('warns that a reading without BP, HR or SpO2 could not be checked', () => {
    const alerts = vitalAlerts(vitals({ spo2: NaN, heartRate: NaN }), baseline, ivPsychiatric);
    expect(alerts.map((a) => a.code)).toEqual(['reading-incomplete']);
    expect(alerts[0]).toMatchObject({ severity: 'warning', value: null, threshold: null, comparator: null });
    expect(alerts[0]?.text).toContain('heartRate, spo2');
  });

  it('uses a clinic’s own thresholds and can switch one off', () => {
    const alerts = ivRacemicPsychiatric.alerts;
    const custom = valueOf(
      validateProtocol({
        ...ivRacemicPsychiatric,
        id: 'clinic-custom',
        alerts: {
          ...alerts,
          systolic: alerts.systolic && { ...alerts.systolic, value: 160 },
          heartRate: null,
        },
      }),
    );
    const found = vitalAlerts(vitals({ systolic: 160, heartRate: 150 }), vitals({ systolic: 150 }), custom);
    expect(found.map((a) => a.code)).toEqual(['systolic']);
  });
});

describe('crosses', () => {
  it.each([
    [5, '>', 5, false],
    [5, '>=', 5, true],
    [5, '<', 5, false],
    [5, '<=', 5, true],
    [4.9, '<', 5, true],
    [5.1, '>', 5, true],
  ] as const)('%f %s %f is %s', (value, comparator, limit, expected) => {
    expect(crosses(value, comparator, limit)).toBe(expected);
  });
});
