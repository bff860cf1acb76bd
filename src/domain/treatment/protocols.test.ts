import { describe, expect, it } from 'vitest';
import { defaultProtocol, defaultProtocolContent, defaultProtocols } from './protocols.ts';
import { protocolRef } from './protocol.ts';
import { validateProtocol } from './protocol-validate.ts';
import { esketamine, ivPain, ivPsychiatric, sublingual, valueOf } from './test-fixtures.ts';

/** Every object in `value` that has a number `value` and a `unit` (a protocol number), with its path. */
function numbersIn(value: unknown, path = ''): [string, Record<string, unknown>][] {
  if (typeof value !== 'object' || value === null) return [];
  const obj = value as Record<string, unknown>;
  const here: [string, Record<string, unknown>][] =
    typeof obj.value === 'number' && 'unit' in obj ? [[path, obj]] : [];
  return [...here, ...Object.entries(obj).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`))];
}

describe('default protocols', () => {
  it('ships exactly the four default ids, each valid, pain and KAP at 1.1.0 (rate and mg/kg limits)', () => {
    expect(Object.keys(defaultProtocols)).toEqual([
      'iv-racemic-psychiatric',
      'iv-racemic-pain',
      'esketamine-intranasal',
      'sublingual-kap',
    ]);
    expect(Object.values(defaultProtocols).map(protocolRef)).toEqual([
      'iv-racemic-psychiatric@1.0.0',
      'iv-racemic-pain@1.1.0',
      'esketamine-intranasal@1.0.0',
      'sublingual-kap@1.1.0',
    ]);
    expect(defaultProtocol('esketamine-intranasal')).toBe(esketamine);
    expect(defaultProtocol('nope')).toBeUndefined();
  });

  it('gives every number a unit, a basis (fact or setting), a source and a certainty', () => {
    for (const content of defaultProtocolContent) {
      const numbers = numbersIn(content, content.id);
      expect(numbers.length).toBeGreaterThan(20);
      for (const [path, n] of numbers) {
        expect(['fact', 'setting'], path).toContain(n.basis);
        expect(['verified', 'secondary', 'unverified', 'synthesis'], path).toContain(n.certainty);
        expect(String(n.source).trim(), path).not.toBe('');
        // KASPR's own choices must say so where they are shown.
        if (n.certainty === 'synthesis') expect(String(n.source), path).toMatch(/\[SYN\]|by analogy/);
      }
    }
  });

  it('survives a JSON round trip unchanged', () => {
    for (const content of defaultProtocolContent) {
      const json: unknown = JSON.parse(JSON.stringify(content));
      expect(valueOf(validateProtocol(json))).toEqual(content);
    }
  });

  it('IV psychiatric: 0.5–1.0 mg/kg over 40–60 min (default 40), hard maximum 1.5 mg/kg as a setting', () => {
    const { dose, duration, discharge } = ivPsychiatric;
    expect(dose).toMatchObject({
      kind: 'weight-based',
      usualMin: { value: 0.5, basis: 'fact' },
      usualMax: { value: 1.0, basis: 'fact' },
      hardMax: { value: 1.5, basis: 'setting', certainty: 'synthesis' },
    });
    expect(duration).toMatchObject({ min: { value: 40 }, max: { value: 60 }, default: { value: 40 } });
    expect(discharge.observation).toMatchObject({
      minimum: { value: 30, basis: 'setting' },
      from: 'administration-end',
    });
    expect(discharge.noDriving).toMatchObject({ kind: 'hours-after-end', hours: { value: 12 } });
    expect(ivPsychiatric.sessions.allowed).toEqual(['clinic']);
  });

  it('IV pain: 0.5–1.4 mg/kg (ASRA CRPS 0.35 mg/kg/h × 4 h), hard maximum 2.0, 40–240 min with no default', () => {
    expect(ivPain.dose).toMatchObject({
      usualMin: { value: 0.5 },
      usualMax: { value: 1.4 },
      hardMax: { value: 2.0 },
    });
    expect(ivPain.duration).toMatchObject({ min: { value: 40 }, max: { value: 240 }, default: null });
    expect(ivPain.dose.kind === 'weight-based' && ivPain.dose.usualMax.source).toContain(
      '0.35 mg/kg/h over 4 h',
    );
  });

  it('IV pain limits the rate too: a reason above 0.5 mg/kg/h, a hard stop above 1 mg/kg/h (settings)', () => {
    expect(ivPain.dose).toMatchObject({
      rateReasonAbove: { value: 0.5, unit: 'mg/kg/h', basis: 'setting', certainty: 'synthesis' },
      rateHardMax: { value: 1, unit: 'mg/kg/h', basis: 'setting', certainty: 'verified' },
    });
    const dose = ivPain.dose.kind === 'weight-based' ? ivPain.dose : null;
    expect(dose?.rateHardMax?.source).toMatch(/clinic\.md §3 Pennsylvania.*≤1 mg\/kg\/h/);
    expect(dose?.rateReasonAbove?.source).toMatch(/0\.35 mg\/kg\/h/);
    expect(ivPsychiatric.dose).toMatchObject({ rateReasonAbove: null, rateHardMax: null });
  });

  it('sublingual KAP warns above 5 mg/kg, derived from oral bioavailability (clinic.md §3) as a setting', () => {
    expect(sublingual.dose).toMatchObject({
      mgPerKgWarnAbove: { value: 5, unit: 'mg/kg', basis: 'setting', certainty: 'synthesis' },
    });
    const dose = sublingual.dose.kind === 'mg-range' ? sublingual.dose : null;
    expect(dose?.mgPerKgWarnAbove?.source).toMatch(/clinic\.md §3.*bioavailability/);
  });

  it('esketamine: 56 or 84 mg in 28 mg devices, TRD schedule from the label, ≥2 h from the first device', () => {
    expect(esketamine.dose).toMatchObject({
      kind: 'fixed-devices',
      allowed: [{ value: 56 }, { value: 84 }],
      deviceMg: { value: 28 },
      restBetweenDevices: { value: 5 },
    });
    const trd = esketamine.courses.find((c) => c.id === 'trd');
    expect(trd?.firstDose?.value).toBe(56);
    expect(
      trd?.phases.map((p) => [p.fromWeek, p.toWeek, p.sessionsPerWeekMin, p.sessionsPerWeekMax]),
    ).toEqual([
      [1, 4, 2, 2],
      [5, 8, 1, 1],
      [9, null, 0.5, 1],
    ]);
    expect(esketamine.discharge.observation).toMatchObject({
      minimum: { value: 120, basis: 'fact', certainty: 'verified' },
      from: 'dosing-start',
    });
    expect(esketamine.discharge.noDriving.kind).toBe('next-day-after-sleep');
    expect(esketamine.monitoring.bpCheckpoints.map((c) => c.value)).toEqual([40]);
  });

  it('sublingual: 100–400 mg in 50 mg steps, clinic, home or remote with a chaperone', () => {
    expect(sublingual.dose).toMatchObject({
      kind: 'mg-range',
      usualMin: { value: 100 },
      usualMax: { value: 400 },
      hardMax: { value: 400 },
      step: { value: 50 },
    });
    expect(sublingual.sessions.allowed).toEqual(['clinic', 'home', 'remote']);
    expect(sublingual.sessions.chaperoneAwayFromClinic.required).toBe(true);
    expect(sublingual.monitoring.chaperoneCheckInEvery?.value).toBe(15);
  });

  it('shares the pre-dose 140/90 and weight (30 days, 30–350 kg) settings', () => {
    for (const p of Object.values(defaultProtocols)) {
      expect(p.preDose).toMatchObject({
        systolicAbove: { value: 140, basis: 'setting' },
        diastolicAbove: { value: 90, basis: 'setting' },
      });
      expect(p.weight).toMatchObject({
        maxAge: { value: 30 },
        plausibleMin: { value: 30 },
        plausibleMax: { value: 350 },
      });
      expect(p.discharge).toMatchObject({ vitalsTolerance: { value: 15 }, spo2Min: { value: 94 } });
    }
  });
});
