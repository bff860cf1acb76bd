import { describe, expect, it } from 'vitest';
import { checkGivenDose, type GivenDoseInput } from './administration-dose.ts';
import { esketamine, ivPsychiatric, sublingual, TODAY, weighed } from './test-fixtures.ts';

const iv: GivenDoseInput = {
  protocol: ivPsychiatric,
  planned: { doseMg: 35, rateMgPerHour: 52.5, durationMin: 40 },
  event: 'start',
  weight: weighed(70),
  today: TODAY,
};
const run = (changes: Partial<GivenDoseInput>) => checkGivenDose({ ...iv, ...changes });
const codeOf = (changes: Partial<GivenDoseInput>) => {
  const r = run(changes);
  return r.ok ? null : r.refusal.code;
};

describe('checkGivenDose: start', () => {
  it('records the planned dose and rate when none is given', () => {
    expect(run({})).toEqual({
      ok: true,
      value: { doseMg: 35, rateMgPerHour: 52.5, differsFromPlan: false, reason: null },
    });
  });

  it('refuses 350 mg recorded against 35 mg planned as above the hard maximum, even with a reason', () => {
    const r = run({ doseMg: 350, reason: 'typo' });
    expect(r).toMatchObject({ ok: false, refusal: { code: 'dose-above-protocol-maximum', path: 'doseMg' } });
  });

  it('holds the hard maximum of 1.5 mg/kg at its boundary (105 mg at 70 kg)', () => {
    const reasons = {
      reason: 'Prescribed change',
      planned: { ...iv.planned, prescriberReason: 'Partial response' },
    };
    expect(codeOf({ ...reasons, doseMg: 105, rateMgPerHour: 157.5 })).toBeNull();
    expect(codeOf({ ...reasons, doseMg: 105.1 })).toBe('dose-above-protocol-maximum');
  });

  it('needs a reason for any difference from the planned dose', () => {
    expect(codeOf({ doseMg: 36 })).toBe('administration-differs-needs-reason');
    expect(run({ doseMg: 36, reason: 'Prescribed 36 mg' })).toMatchObject({
      ok: true,
      value: { doseMg: 36, rateMgPerHour: 54, differsFromPlan: true, reason: 'Prescribed 36 mg' },
    });
    expect(codeOf({ doseMg: 35.04 })).toBeNull();
  });

  it('needs the prescriber’s escalation reason for a dose above the usual range', () => {
    expect(codeOf({ doseMg: 71, reason: 'Nurse decided' })).toBe('escalation-needs-reason');
    expect(
      codeOf({
        doseMg: 71,
        reason: 'As prescribed',
        planned: { ...iv.planned, prescriberReason: 'Partial response' },
      }),
    ).toBeNull();
  });

  it('refuses a dose below the protocol minimum', () => {
    expect(codeOf({ doseMg: 34.3, reason: 'x' })).toBe('dose-below-protocol-minimum');
  });

  it('refuses a rate that runs the dose faster than the shortest infusion (40 min), at the boundary', () => {
    expect(run({ rateMgPerHour: 52.5 })).toMatchObject({ ok: true, value: { differsFromPlan: false } });
    expect(codeOf({ rateMgPerHour: 52.6, reason: 'faster' })).toBe(
      'administration-rate-above-protocol-maximum',
    );
    expect(codeOf({ rateMgPerHour: 40 })).toBe('administration-differs-needs-reason');
    expect(codeOf({ rateMgPerHour: 40, reason: 'Slower for tolerability' })).toBeNull();
  });

  it('accepts the planned rate as rounded to 0.1 mg/h at the shortest infusion, and nothing faster', () => {
    // 28.5 mg (0.5 mg/kg at 57 kg) over 40 min is 42.75 mg/h, which the dose calculation plans as 42.8 mg/h.
    const atMinimum = {
      weight: weighed(57),
      planned: { doseMg: 28.5, rateMgPerHour: 42.8, durationMin: 40 },
    };
    expect(run(atMinimum)).toMatchObject({ ok: true, value: { doseMg: 28.5, rateMgPerHour: 42.8 } });
    expect(codeOf({ ...atMinimum, rateMgPerHour: 42.9, reason: 'faster' })).toBe(
      'administration-rate-above-protocol-maximum',
    );
  });

  it('refuses a rate on a route that is not infused', () => {
    const sl = { protocol: sublingual, planned: { doseMg: 200, rateMgPerHour: null, durationMin: null } };
    expect(codeOf({ ...sl, rateMgPerHour: 10 })).toBe('not-applicable');
    expect(codeOf(sl)).toBeNull();
  });

  it('applies the esketamine allowed doses and first-dose rule to the dose given', () => {
    const es = { protocol: esketamine, planned: { doseMg: 56, rateMgPerHour: null, durationMin: null } };
    expect(codeOf({ ...es, doseMg: 84, reason: 'x', firstSession: true })).toBe('dose-not-allowed');
    expect(codeOf({ ...es, doseMg: 70, reason: 'x', firstSession: false })).toBe('dose-not-allowed');
    expect(codeOf({ ...es, doseMg: 84, reason: 'Tolerated 56', firstSession: false })).toBeNull();
  });
});

describe('checkGivenDose: rate change', () => {
  const change = (changes: Partial<GivenDoseInput>) => codeOf({ event: 'rate-change', ...changes });

  it('needs a rate, and a reason when it differs from the plan', () => {
    expect(change({})).toBe('administration-rate-needed');
    expect(change({ rateMgPerHour: 30 })).toBe('administration-differs-needs-reason');
    expect(change({ rateMgPerHour: 30, reason: 'Nausea' })).toBeNull();
    expect(change({ rateMgPerHour: 52.5 })).toBeNull();
  });

  it('never runs the running dose faster than the shortest infusion', () => {
    expect(change({ rateMgPerHour: 51, runningDoseMg: 34, reason: 'x' })).toBeNull();
    expect(change({ rateMgPerHour: 51.1, runningDoseMg: 34, reason: 'x' })).toBe(
      'administration-rate-above-protocol-maximum',
    );
  });

  it('has no rate to change on a route that is not infused', () => {
    expect(
      change({
        protocol: sublingual,
        planned: { doseMg: 200, rateMgPerHour: null, durationMin: null },
        rateMgPerHour: 5,
      }),
    ).toBe('not-applicable');
  });
});
