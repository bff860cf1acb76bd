import { describe, expect, it } from 'vitest';
import { dischargeCheck, type DischargeInput } from './discharge.ts';
import { at, esketamine, ivPsychiatric, sublingual, vitals } from './test-fixtures.ts';
import { breathsPerMinute } from './units.ts';

// Infusion 10:00–10:40; baseline 120/80, HR 80, SpO2 98.
const baseline = vitals({ systolic: 120, diastolic: 80, heartRate: 80, spo2: 98 }, at(-10));
const ready: DischargeInput = {
  protocol: ivPsychiatric,
  baseline,
  latestVitals: vitals({ systolic: 120, diastolic: 80, heartRate: 80, spo2: 98 }, at(65)),
  dosedAt: at(0),
  administrationEndedAt: at(40),
  now: at(70),
  alertAndOriented: true,
  escortPresent: true,
  timeZone: 'Europe/London',
};
const check = (changes: Partial<DischargeInput>) => dischargeCheck({ ...ready, ...changes });
const codes = (changes: Partial<DischargeInput>) => check(changes).unmet.map((u) => u.code);
const latest = (v: Parameters<typeof vitals>[0]) => ({
  latestVitals: vitals({ systolic: 120, diastolic: 80, heartRate: 80, spo2: 98, ...v }, at(65)),
});

/** A session dosed at 10:00 and ended `endedAt` minutes later, checked at 12:00 with HR 80 read at `readAt`. */
const dosedAtTen = (protocol: DischargeInput['protocol'], endedAt: number, readAt: number) => ({
  protocol,
  dosedAt: at(0),
  administrationEndedAt: at(endedAt),
  now: at(120),
  latestVitals: vitals({ heartRate: 80 }, at(readAt)),
});

describe('dischargeCheck: IV', () => {
  it('discharges when every condition is met, with no driving until 12 h after the infusion ends', () => {
    const result = check({});
    expect(result.ok).toBe(true);
    expect(result.unmet).toEqual([]);
    expect(result.earliestDischargeAt).toEqual(at(70));
    expect(result.noDrivingUntil).toEqual(at(40 + 12 * 60));
    expect(result.noDrivingRule).toContain('tenet 7');
  });

  // ±15% edges from baseline 120/80, HR 80: [label, field, exactly +15%, just over, exactly −15%, just under].
  type Case = [string, Parameters<typeof latest>[0], string[]];
  const edges = [
    ['systolic', 'systolic', 138, 139, 102, 101],
    ['diastolic', 'diastolic', 92, 92.1, 68, 67.9],
    ['heart rate', 'heartRate', 92, 93, 68, 67],
  ] as const;
  it.each<Case>([
    ...edges.flatMap(([label, field, high, over, low, under]): Case[] => [
      [`${label} exactly +15%`, { [field]: high }, []],
      [`${label} just over +15%`, { [field]: over }, ['vitals-not-at-baseline']],
      [`${label} exactly −15%`, { [field]: low }, []],
      [`${label} just under −15%`, { [field]: under }, ['vitals-not-at-baseline']],
    ]),
    ['SpO2 94%', { spo2: 94 }, []],
    ['SpO2 93%', { spo2: 93 }, ['spo2-below-minimum']],
  ])('%s gives %j', (_label, reading, expected) => {
    expect(codes(latest(reading))).toEqual(expected);
  });

  it('says which vital is out and what the tolerance allows', () => {
    const result = check(latest({ systolic: 139, heartRate: 95 }));
    expect(result.unmet.map((u) => u.text)).toEqual([
      'Systolic BP 139 mmHg is not within ±15% of baseline 120 mmHg (102–138).',
      'Heart rate 95 bpm is not within ±15% of baseline 80 bpm (68–92).',
    ]);
  });

  describe('absolute ceiling: the urgent alert thresholds hold whatever the baseline', () => {
    // A hypertensive baseline, so ±15% alone would allow readings the session flags as urgent.
    const high = { baseline: vitals({ systolic: 160, diastolic: 95, heartRate: 100, spo2: 98 }, at(-10)) };
    const reading = (v: Parameters<typeof vitals>[0], respiratoryRate?: number) => ({
      ...high,
      latestVitals: {
        ...vitals({ systolic: 160, diastolic: 95, heartRate: 100, spo2: 98, ...v }, at(65)),
        ...(respiratoryRate !== undefined ? { respiratoryRate: breathsPerMinute(respiratoryRate) } : {}),
      },
    });

    it('refuses 183/108 after a 160/95 baseline (within 15%, but urgent on both)', () => {
      const result = check(reading({ systolic: 183, diastolic: 108 }));
      expect(result.unmet.map((u) => u.code)).toEqual([
        'vitals-at-urgent-threshold',
        'vitals-at-urgent-threshold',
      ]);
      expect(result.unmet[0]?.text).toContain('Systolic BP 183 mmHg is at or above 180 mmHg');
      expect(result.unmet[1]?.text).toContain('Diastolic BP 108 mmHg is at or above 100 mmHg');
    });

    it.each([
      ['systolic 179', { systolic: 179 }, undefined, []],
      ['systolic 180', { systolic: 180 }, undefined, ['vitals-at-urgent-threshold']],
      ['diastolic 99', { diastolic: 99 }, undefined, []],
      ['diastolic 100', { diastolic: 100 }, undefined, ['vitals-at-urgent-threshold']],
      ['heart rate 109', { heartRate: 109 }, undefined, []],
      ['heart rate 110', { heartRate: 110 }, undefined, ['vitals-at-urgent-threshold']],
      ['respiratory rate 10', {}, 10, []],
      ['respiratory rate 9', {}, 9, ['vitals-at-urgent-threshold']],
      ['SpO2 94 (floor)', { spo2: 94 }, undefined, []],
      ['SpO2 93, reported once', { spo2: 93 }, undefined, ['spo2-below-minimum']],
    ])('%s gives %j', (_label, v, rr, expected) => {
      expect(codes(reading(v, rr))).toEqual(expected);
    });

    it.each([
      ['systolic 90', { systolic: 90 }, []],
      ['systolic 89', { systolic: 89 }, ['vitals-at-urgent-threshold']],
      ['heart rate 50', { heartRate: 50 }, []],
      ['heart rate 49', { heartRate: 49 }, ['vitals-at-urgent-threshold']],
    ])('after a low baseline (100/70, HR 55), %s gives %j (the low thresholds)', (_label, v, expected) => {
      const low = vitals({ systolic: 100, diastolic: 70, heartRate: 55, spo2: 98 }, at(-10));
      const latestVitals = vitals({ systolic: 100, diastolic: 70, heartRate: 55, spo2: 98, ...v }, at(65));
      expect(codes({ baseline: low, latestVitals })).toEqual(expected);
    });
  });

  it('needs 30 min after the infusion ends: 29 min is not enough, 30 is', () => {
    expect(codes({ now: at(69) })).toEqual(['observation-period-not-met']);
    expect(check({ now: at(69) }).unmet[0]?.text).toContain(
      '29 min since administration ended; this protocol needs at least 30 min',
    );
    expect(codes({ now: at(70) })).toEqual([]);
  });

  it('needs vitals taken after the infusion ended, and both sets present', () => {
    expect(codes({ latestVitals: vitals({}, at(39)) })).toEqual(['vitals-not-after-administration']);
    expect(codes({ latestVitals: null })).toEqual(['vitals-missing']);
    expect(codes({ baseline: null })).toEqual(['vitals-missing']);
  });

  it('refuses an infusion whose end is not recorded, rather than counting from its start', () => {
    const result = check({ administrationEndedAt: null, now: at(31) });
    expect(result.unmet.map((u) => u.code)).toEqual(['administration-end-not-recorded']);
    expect(result.unmet[0]?.text).toContain('record when administration stopped');
    expect(codes({ administrationEndedAt: null, now: at(70) })).toEqual(['administration-end-not-recorded']);
    expect(codes({ administrationEndedAt: at(40), now: at(70) })).toEqual([]);
  });

  it('needs the patient alert and oriented, with a responsible adult present', () => {
    expect(codes({ alertAndOriented: false, escortPresent: false })).toEqual([
      'not-alert-and-oriented',
      'escort-not-present',
    ]);
  });

  it('refuses impossible times rather than guessing', () => {
    expect(codes({ dosedAt: at(50) })).toEqual(['times-invalid']);
    expect(codes({ now: new Date('x') })).toEqual(['times-invalid']);
  });
});

describe('dischargeCheck: esketamine (≥2 h from the first device; REMS)', () => {
  const spravato: Partial<DischargeInput> = {
    ...dosedAtTen(esketamine, 10, 115),
    // The label's BP check about 40 min after the first device, then the reading before discharge.
    postDoseVitals: [vitals({ systolic: 135, diastolic: 85 }, at(40)), vitals({ heartRate: 80 }, at(115))],
    effectsResolved: true,
  };

  it('is not met at 1 h 59 min and met at 2 h', () => {
    expect(codes({ ...spravato, now: at(119) })).toEqual(['observation-period-not-met']);
    expect(codes(spravato)).toEqual([]);
    expect(check(spravato).earliestDischargeAt).toEqual(at(120));
  });

  it('counts from the first device, so a missing stop does not hold the patient (devices, not an infusion)', () => {
    expect(codes({ ...spravato, administrationEndedAt: null })).toEqual([]);
  });

  it.each([
    ['no reading but the one before discharge', [115], ['bp-checkpoint-missing']],
    ['a reading at 29 min', [29, 115], ['bp-checkpoint-missing']],
    ['a reading at 30 min', [30, 115], []],
    ['a reading at 50 min', [50, 115], []],
    ['a reading at 51 min', [51, 115], ['bp-checkpoint-missing']],
  ])('needs the 40-minute BP in its window (30–50 min): %s gives %j', (_label, minutes, expected) => {
    const postDoseVitals = minutes.map((m) => vitals({ heartRate: 80 }, at(m)));
    expect(codes({ ...spravato, postDoseVitals })).toEqual(expected);
  });

  it('reports which reading counted as the 40-minute BP, and names the window when there is none', () => {
    expect(check(spravato).bpCheckpoints).toEqual([
      {
        checkpointMin: 40,
        dueAt: at(40),
        opensAt: at(30),
        closesAt: at(50),
        reading: vitals({ systolic: 135, diastolic: 85 }, at(40)),
        missedReason: null,
      },
    ]);
    const missing = check({ ...spravato, postDoseVitals: [vitals({ heartRate: 80 }, at(115))] });
    expect(missing.unmet[0]?.text).toContain('30–50 min after dosing started (the 40-minute check)');
    expect(missing.bpCheckpoints[0]?.reading).toBeNull();
  });

  it('accepts a stated reason for a missed 40-minute BP, and records it; a blank reason is no reason', () => {
    const late = { ...spravato, postDoseVitals: [vitals({ heartRate: 80 }, at(115))] };
    const withReason = check({ ...late, bpCheckpointMissedReason: 'Patient asleep; BP at 55 min' });
    expect(withReason.ok).toBe(true);
    expect(withReason.bpCheckpoints[0]?.missedReason).toBe('Patient asleep; BP at 55 min');
    expect(codes({ ...late, bpCheckpointMissedReason: '   ' })).toEqual(['bp-checkpoint-missing']);
  });

  it('asks nothing of the IV protocol, which has no fixed BP check', () => {
    expect(check({}).bpCheckpoints).toEqual([]);
  });

  it('needs sedation, dissociation and respiratory depression recorded as resolved', () => {
    expect(codes({ ...spravato, effectsResolved: undefined })).toEqual(['effects-not-resolved']);
  });

  it('forbids driving until the next day after a restful sleep (label), in the clinic’s time zone', () => {
    const utc = check(spravato);
    expect(utc.noDrivingUntil.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(utc.noDrivingRule).toContain('restful sleep');
    const newYork = check({ ...spravato, timeZone: 'America/New_York' });
    expect(newYork.noDrivingUntil.toISOString()).toBe('2026-11-23T05:00:00.000Z');
  });

  it('takes "the next day" from the service’s time zone', () => {
    const ended = spravato.administrationEndedAt as Date;
    // Ended 10:10 UTC on 22 Nov. Sydney (AEDT, UTC+11): 21:10 on the 22nd, so the next day starts 13:00 UTC.
    const sydney = check({ ...spravato, timeZone: 'Australia/Sydney' });
    expect(sydney.noDrivingUntil.toISOString()).toBe('2026-11-22T13:00:00.000Z');
    expect(sydney.noDrivingUntil.getTime()).toBeGreaterThan(ended.getTime());
    // New York (EST, UTC−5): 05:10 on the 22nd; UTC's next day would let the patient drive at 19:00 the same day.
    const newYork = check({ ...spravato, timeZone: 'America/New_York' });
    expect(newYork.noDrivingUntil.toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect(check({ ...spravato, timeZone: 'Europe/London' }).noDrivingUntil.toISOString()).toBe(
      '2026-11-23T00:00:00.000Z',
    );
  });
});

describe('dischargeCheck: sublingual', () => {
  it('counts 2 h from dosing, and does not ask for an escort after a home session', () => {
    const kap = dosedAtTen(sublingual, 0, 118);
    expect(codes({ ...kap, now: at(119) })).toEqual(['observation-period-not-met']);
    expect(codes({ ...kap, escortPresent: false, setting: 'home' })).toEqual([]);
    expect(codes({ ...kap, escortPresent: false })).toEqual(['escort-not-present']);
    // Not infused: the lozenge's dosing is its end, so no stop event is needed.
    expect(codes({ ...kap, administrationEndedAt: null })).toEqual([]);
    expect(check({ ...kap, administrationEndedAt: null }).noDrivingUntil).toEqual(at(12 * 60));
    expect(check(kap).noDrivingUntil).toEqual(at(12 * 60));
  });
});
