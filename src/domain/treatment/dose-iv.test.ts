import { describe, expect, it } from 'vitest';
import { calculateDose } from './dose.ts';
import type { DoseRequest } from './dose-types.ts';
import { ivRacemicPsychiatric } from './protocol-iv-psychiatric.ts';
import { validateProtocol } from './protocol-validate.ts';
import { codesOf, ivPain, ivPsychiatric, problemsOf, TODAY, valueOf, weighed } from './test-fixtures.ts';
import { kilograms, mgPerKg, mgPerMl, milligrams, millilitres, minutes } from './units.ts';

const base: DoseRequest = {
  protocol: ivPsychiatric,
  weight: weighed(70),
  today: TODAY,
  durationMin: minutes(40),
};
const dose = (changes: Partial<DoseRequest>) => calculateDose({ ...base, ...changes });

describe('calculateDose: IV psychiatric worked example (clinic.md §3 pump-rate arithmetic)', () => {
  it('gives 70 kg × 0.5 mg/kg over 40 min = 35 mg at 52.5 mg/h', () => {
    const result = valueOf(dose({ mgPerKg: mgPerKg(0.5) }));
    expect(result).toMatchObject({
      protocolId: 'iv-racemic-psychiatric',
      protocolVersion: '1.0.0',
      route: 'iv-racemic',
      doseMg: 35,
      mgPerKg: 0.5,
      durationMin: 40,
      rateMgPerHour: 52.5,
      warnings: [],
    });
    expect(result.volumeMl).toBeUndefined();
    expect(result.rounding).toMatch(/0\.1 mg/);
  });

  it('at 1 mg/mL gives 35 mL at 52.5 mL/h', () => {
    const result = valueOf(dose({ mgPerKg: mgPerKg(0.5), concentrationMgPerMl: mgPerMl(1) }));
    expect(result).toMatchObject({ doseMg: 35, volumeMl: 35, rateMlPerHour: 52.5, rateMgPerHour: 52.5 });
  });

  it('at 2 mg/mL gives 17.5 mL at 26.3 mL/h (26.25 rounded half-up to 0.1)', () => {
    const result = valueOf(dose({ mgPerKg: mgPerKg(0.5), concentrationMgPerMl: mgPerMl(2) }));
    expect(result).toMatchObject({ volumeMl: 17.5, rateMlPerHour: 26.3 });
  });

  it('with only a 100 mL bag runs the whole bag: 150 mL/h at 0.35 mg/mL', () => {
    const result = valueOf(dose({ mgPerKg: mgPerKg(0.5), bagVolumeMl: millilitres(100) }));
    expect(result).toMatchObject({ volumeMl: 100, rateMlPerHour: 150, concentrationMgPerMl: 0.35 });
  });

  it('checks the volume fits the bag', () => {
    expect(
      valueOf(dose({ mgPerKg: mgPerKg(0.5), concentrationMgPerMl: mgPerMl(1), bagVolumeMl: millilitres(35) }))
        .volumeMl,
    ).toBe(35);
    expect(
      codesOf(
        dose({ mgPerKg: mgPerKg(0.5), concentrationMgPerMl: mgPerMl(1), bagVolumeMl: millilitres(34.9) }),
      ),
    ).toEqual(['bag-too-small']);
  });

  it('refuses an undiluted 100 mg/mL solution (label: dilute before IV use)', () => {
    expect(codesOf(dose({ mgPerKg: mgPerKg(0.5), concentrationMgPerMl: mgPerMl(100) }))).toEqual([
      'concentration-needs-dilution',
    ]);
    expect(dose({ mgPerKg: mgPerKg(0.5), concentrationMgPerMl: mgPerMl(50) }).ok).toBe(true);
  });

  it('takes a dose in mg and reports its mg/kg; both together must agree', () => {
    expect(valueOf(dose({ doseMg: milligrams(35) })).mgPerKg).toBe(0.5);
    expect(valueOf(dose({ doseMg: milligrams(35), mgPerKg: mgPerKg(0.5) })).doseMg).toBe(35);
    expect(codesOf(dose({ doseMg: milligrams(40), mgPerKg: mgPerKg(0.5) }))).toEqual([
      'dose-inputs-disagree',
    ]);
    expect(codesOf(dose({}))).toEqual(['dose-missing']);
  });

  it('uses the protocol default of 40 min when no duration is given, and says so', () => {
    const result = valueOf(dose({ mgPerKg: mgPerKg(0.5), durationMin: undefined }));
    expect(result.durationMin).toBe(40);
    expect(result.warnings.map((w) => w.code)).toEqual(['default-duration-used']);
  });
});

describe('calculateDose: IV psychiatric dose limits (usual 0.5–1.0 mg/kg, hard maximum 1.5 mg/kg)', () => {
  it('accepts both edges of the usual range without a reason', () => {
    expect(valueOf(dose({ mgPerKg: mgPerKg(0.5) })).doseMg).toBe(35);
    expect(valueOf(dose({ mgPerKg: mgPerKg(1.0), durationMin: minutes(60) }))).toMatchObject({
      doseMg: 70,
      rateMgPerHour: 70,
      warnings: [],
    });
  });

  it('refuses just under the minimum', () => {
    const problems = problemsOf(dose({ mgPerKg: mgPerKg(0.49) }));
    expect(problems.map((p) => p.code)).toEqual(['dose-below-protocol-minimum']);
    expect(problems[0]?.text).toContain('0.5 mg/kg');
  });

  it('needs a prescriber reason just over 1.0 mg/kg, and records it when given', () => {
    expect(codesOf(dose({ mgPerKg: mgPerKg(1.01) }))).toEqual(['escalation-needs-reason']);
    expect(codesOf(dose({ mgPerKg: mgPerKg(1.01), prescriberReason: '   ' }))).toEqual([
      'escalation-needs-reason',
    ]);
    const result = valueOf(
      dose({ mgPerKg: mgPerKg(1.01), prescriberReason: 'Partial response at 1.0 mg/kg' }),
    );
    expect(result.doseMg).toBe(70.7);
    expect(result.prescriberReason).toBe('Partial response at 1.0 mg/kg');
    expect(result.warnings.map((w) => w.code)).toContain('escalation-above-usual-range');
  });

  it('allows exactly 1.5 mg/kg with a reason, and refuses it without one', () => {
    expect(valueOf(dose({ mgPerKg: mgPerKg(1.5), prescriberReason: 'Documented plan' })).doseMg).toBe(105);
    expect(codesOf(dose({ mgPerKg: mgPerKg(1.5) }))).toEqual(['escalation-needs-reason']);
  });

  it('refuses just over 1.5 mg/kg even with a reason, with the numbers in the text', () => {
    const problems = problemsOf(dose({ mgPerKg: mgPerKg(1.51), prescriberReason: 'Documented plan' }));
    expect(problems.map((p) => p.code)).toEqual(['dose-above-protocol-maximum']);
    expect(problems[0]?.text).toContain('1.51 mg/kg (105.7 mg for 70 kg)');
    expect(problems[0]?.text).toContain('hard maximum of 1.5 mg/kg (105 mg)');
  });

  it('checks a dose in mg against the limits after rounding it to 0.1 mg', () => {
    expect(dose({ doseMg: milligrams(105.04), prescriberReason: 'plan' }).ok).toBe(true);
    expect(codesOf(dose({ doseMg: milligrams(105.1), prescriberReason: 'plan' }))).toEqual([
      'dose-above-protocol-maximum',
    ]);
  });

  it('rounds down rather than past the hard maximum (70.1 kg × 1.5 = 105.15 → 105.1, not 105.2)', () => {
    const result = valueOf(dose({ weight: weighed(70.1), mgPerKg: mgPerKg(1.5), prescriberReason: 'plan' }));
    expect(result.doseMg).toBe(105.1);
    expect(result.mgPerKg).toBe(1.5);
  });

  it('rounds the dose half-up to 0.1 mg and rates to 0.1 mg/h', () => {
    const result = valueOf(dose({ weight: weighed(68.3), mgPerKg: mgPerKg(0.5) }));
    expect(result.doseMg).toBe(34.2); // 34.15
    expect(result.rateMgPerHour).toBe(51.3); // 34.2 ÷ 40 × 60
  });

  it('warns above the 1 mg/kg/h low-dose rate (Pennsylvania 2020) but not at it', () => {
    expect(
      valueOf(dose({ mgPerKg: mgPerKg(1.0), durationMin: minutes(40) })).warnings.map((w) => w.code),
    ).toEqual(['rate-above-low-dose-definition']);
    expect(valueOf(dose({ mgPerKg: mgPerKg(1.0), durationMin: minutes(60) })).warnings).toEqual([]);
  });

  it('keeps the duration within 40–60 min', () => {
    expect(codesOf(dose({ mgPerKg: mgPerKg(0.5), durationMin: minutes(39) }))).toEqual([
      'duration-out-of-range',
    ]);
    expect(dose({ mgPerKg: mgPerKg(0.5), durationMin: minutes(60) }).ok).toBe(true);
    expect(codesOf(dose({ mgPerKg: mgPerKg(0.5), durationMin: minutes(61) }))).toEqual([
      'duration-out-of-range',
    ]);
  });
});

describe('calculateDose: weight', () => {
  it.each([[0], [-70], [500], [29.9], [350.1]])('refuses %f kg as implausible', (kg) => {
    expect(codesOf(dose({ weight: weighed(kg), mgPerKg: mgPerKg(0.5) }))).toEqual(['weight-implausible']);
  });

  it('accepts the plausible range edges, 30 and 350 kg', () => {
    expect(dose({ weight: weighed(30), mgPerKg: mgPerKg(0.5) }).ok).toBe(true);
    expect(dose({ weight: weighed(350), mgPerKg: mgPerKg(0.5) }).ok).toBe(true);
  });

  it('refuses a missing weight and a weight that is not a number', () => {
    expect(codesOf(dose({ weight: undefined, mgPerKg: mgPerKg(0.5) }))).toEqual(['weight-missing']);
    expect(codesOf(dose({ weight: null, mgPerKg: mgPerKg(0.5) }))).toEqual(['weight-missing']);
    expect(
      codesOf(dose({ weight: { kg: kilograms(NaN), measuredOn: TODAY }, mgPerKg: mgPerKg(0.5) })),
    ).toEqual(['invalid-number']);
  });

  it('accepts a weight exactly 30 days old and refuses one a day older', () => {
    expect(dose({ weight: weighed(70, '2026-10-23'), mgPerKg: mgPerKg(0.5) }).ok).toBe(true);
    const problems = problemsOf(dose({ weight: weighed(70, '2026-10-22'), mgPerKg: mgPerKg(0.5) }));
    expect(problems.map((p) => p.code)).toEqual(['weight-stale']);
    expect(problems[0]?.text).toContain('31 days ago');
  });

  it('refuses a weight dated in the future or with an impossible date', () => {
    expect(codesOf(dose({ weight: weighed(70, '2026-11-23'), mgPerKg: mgPerKg(0.5) }))).toEqual([
      'invalid-date',
    ]);
    expect(codesOf(dose({ weight: weighed(70, '2026-02-30'), mgPerKg: mgPerKg(0.5) }))).toEqual([
      'invalid-date',
    ]);
    expect(codesOf(dose({ today: 'today', mgPerKg: mgPerKg(0.5) }))).toEqual(['invalid-date']);
  });
});

describe('calculateDose: numbers and units', () => {
  it.each([
    ['mgPerKg', { mgPerKg: mgPerKg(NaN) }],
    ['doseMg', { doseMg: milligrams(Infinity) }],
    ['durationMin', { mgPerKg: mgPerKg(0.5), durationMin: minutes(0) }],
    ['concentrationMgPerMl', { mgPerKg: mgPerKg(0.5), concentrationMgPerMl: mgPerMl(-1) }],
    ['bagVolumeMl', { mgPerKg: mgPerKg(0.5), bagVolumeMl: millilitres(0) }],
  ])('refuses an unusable %s', (path, changes) => {
    const problems = problemsOf(dose(changes as Partial<DoseRequest>));
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid-number', path })]);
  });

  it('refuses a volume and rate for a route that is not infused (IM)', () => {
    const im = valueOf(
      validateProtocol({ ...ivRacemicPsychiatric, id: 'im-test', route: 'im', duration: null }),
    );
    const result = valueOf(
      calculateDose({ protocol: im, weight: weighed(70), today: TODAY, mgPerKg: mgPerKg(0.5) }),
    );
    expect(result).toMatchObject({ doseMg: 35, durationMin: null, rateMgPerHour: null });
    const refused = calculateDose({
      protocol: im,
      weight: weighed(70),
      today: TODAY,
      mgPerKg: mgPerKg(0.5),
      durationMin: minutes(40),
      concentrationMgPerMl: mgPerMl(1),
    });
    expect(codesOf(refused)).toEqual(['not-applicable', 'not-applicable']);
  });
});

describe('calculateDose: IV pain protocol (ASRA 2018 CRPS regimen, clinic.md §3)', () => {
  const pain = (changes: Partial<DoseRequest>) =>
    calculateDose({ protocol: ivPain, weight: weighed(70), today: TODAY, ...changes });

  it('gives 0.35 mg/kg/h over 4 h (1.4 mg/kg) = 98 mg at 24.5 mg/h, under the low-dose rate', () => {
    expect(valueOf(pain({ mgPerKg: mgPerKg(1.4), durationMin: minutes(240) }))).toMatchObject({
      doseMg: 98,
      rateMgPerHour: 24.5,
      warnings: [],
    });
  });

  it('needs a duration (no default) within 40–240 min', () => {
    expect(codesOf(pain({ mgPerKg: mgPerKg(1.0) }))).toEqual(['duration-missing']);
    expect(codesOf(pain({ mgPerKg: mgPerKg(1.0), durationMin: minutes(241) }))).toEqual([
      'duration-out-of-range',
    ]);
    expect(codesOf(pain({ mgPerKg: mgPerKg(1.0), durationMin: minutes(39) }))).toEqual([
      'duration-out-of-range',
    ]);
  });

  // Review 2026-12 §6 item 14: 1.4 mg/kg over 40 min (2.1 mg/kg/h) was "usual".
  it('refuses 1.4 mg/kg over 40 min (2.1 mg/kg/h) and 2.0 mg/kg over 40 min, with or without a reason', () => {
    for (const perKg of [1.4, 2.0]) {
      const refused = pain({ mgPerKg: mgPerKg(perKg), durationMin: minutes(40), prescriberReason: 'plan' });
      expect(codesOf(refused)).toEqual(['rate-above-protocol-maximum']);
      expect(problemsOf(refused)[0]?.path).toBe('durationMin');
    }
  });

  it.each([
    [0.98, 120, null],
    [1.0, 120, null],
    [1.02, 120, 'rate-needs-reason'],
    [0.99, 60, 'rate-needs-reason'],
    [1.0, 60, 'rate-needs-reason'],
    [1.01, 60, 'rate-above-protocol-maximum'],
    [0.5, 40, 'rate-needs-reason'],
    [1.4, 240, null],
  ])(
    '%f mg/kg over %i min (0.49, 0.5, 0.51, 0.99, 1, 1.01, 0.75, 0.35 mg/kg/h) without a reason → %s',
    (perKg, min, code) => {
      const outcome = pain({ mgPerKg: mgPerKg(perKg), durationMin: minutes(min) });
      if (code === null) expect(outcome.ok).toBe(true);
      else expect(codesOf(outcome)).toEqual([code]);
    },
  );

  it('allows up to 1 mg/kg/h with a reason, says so in a warning, and refuses 1.01 mg/kg/h even with one', () => {
    const at1 = valueOf(pain({ mgPerKg: mgPerKg(1.0), durationMin: minutes(60), prescriberReason: 'Plan' }));
    expect(at1).toMatchObject({ doseMg: 70, rateMgPerHour: 70, prescriberReason: 'Plan' });
    expect(at1.warnings.map((w) => w.code)).toEqual(['rate-above-usual']);
    expect(at1.warnings[0]?.text).toMatch(
      /1 mg\/kg\/h.*faster than 0\.5 mg\/kg\/h; prescriber's reason: Plan/,
    );
    expect(
      codesOf(pain({ mgPerKg: mgPerKg(1.01), durationMin: minutes(60), prescriberReason: 'Plan' })),
    ).toEqual(['rate-above-protocol-maximum']);
  });

  it('leaves the psychiatric protocol without a rate rule (1.0 mg/kg over 40 min is usual there)', () => {
    const outcome = calculateDose({
      protocol: ivPsychiatric,
      weight: weighed(70),
      today: TODAY,
      mgPerKg: mgPerKg(1.0),
      durationMin: minutes(40),
    });
    expect(valueOf(outcome).warnings.map((w) => w.code)).toEqual(['rate-above-low-dose-definition']);
  });

  it('needs a reason above 1.4 mg/kg, allows 2.0 mg/kg with one, and refuses above 2.0', () => {
    expect(codesOf(pain({ mgPerKg: mgPerKg(1.41), durationMin: minutes(240) }))).toEqual([
      'escalation-needs-reason',
    ]);
    expect(
      valueOf(pain({ mgPerKg: mgPerKg(2.0), durationMin: minutes(240), prescriberReason: 'plan' })).doseMg,
    ).toBe(140);
    expect(
      codesOf(pain({ mgPerKg: mgPerKg(2.01), durationMin: minutes(240), prescriberReason: 'plan' })),
    ).toEqual(['dose-above-protocol-maximum']);
  });
});
