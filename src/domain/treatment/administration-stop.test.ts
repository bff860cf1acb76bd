import { describe, expect, it } from 'vitest';
import { EARLY_STOP_TOLERANCE_MS, stopAmount, type StopInput } from './administration-stop.ts';
import { at } from './test-fixtures.ts';

const infusion: StopInput = {
  startedDoseMg: 34,
  concentrationMgPerMl: 1,
  plannedEndAt: at(40),
  at: at(40),
};
const run = (changes: Partial<StopInput>) => stopAmount({ ...infusion, ...changes });

describe('stopAmount', () => {
  it('takes the dose started when the infusion ran to its planned end', () => {
    expect(run({})).toEqual({
      ok: true,
      value: { givenMg: 34, givenMl: null, leftOverMg: 0, stoppedEarly: false, basis: 'as-started' },
    });
  });

  it('34 mg started, 20 mg given → 14 mg left over to waste', () => {
    expect(run({ at: at(10), givenMg: 20 })).toMatchObject({
      ok: true,
      value: { givenMg: 20, leftOverMg: 14, stoppedEarly: true, basis: 'recorded' },
    });
  });

  it('turns mL into mg at the recorded concentration, and refuses mg and mL that disagree', () => {
    expect(run({ at: at(10), givenMl: 20, concentrationMgPerMl: 1 })).toMatchObject({
      ok: true,
      value: { givenMg: 20, givenMl: 20, leftOverMg: 14 },
    });
    expect(run({ givenMl: 10, concentrationMgPerMl: 2, givenMg: 20 })).toMatchObject({ ok: true });
    expect(run({ givenMl: 10, concentrationMgPerMl: 2, givenMg: 21 })).toMatchObject({
      ok: false,
      refusal: { code: 'administration-amount-invalid', path: 'givenMg' },
    });
    expect(run({ givenMl: 10, concentrationMgPerMl: null })).toMatchObject({
      ok: false,
      refusal: { code: 'administration-amount-invalid', path: 'givenMl' },
    });
  });

  it('requires the amount when stopped more than the tolerance before the planned end', () => {
    const edge = new Date(at(40).getTime() - EARLY_STOP_TOLERANCE_MS);
    expect(run({ at: edge })).toMatchObject({ ok: true, value: { stoppedEarly: false } });
    expect(run({ at: new Date(edge.getTime() - 1) })).toMatchObject({
      ok: false,
      refusal: { code: 'administration-amount-needed', path: 'givenMg' },
    });
  });

  it('refuses more than the dose started, allows all of it and none of it', () => {
    expect(run({ givenMg: 34 })).toMatchObject({ ok: true, value: { leftOverMg: 0 } });
    expect(run({ givenMg: 34.1 })).toMatchObject({
      ok: false,
      refusal: { code: 'administration-amount-invalid' },
    });
    expect(run({ at: at(1), givenMg: 0 })).toMatchObject({ ok: true, value: { givenMg: 0, leftOverMg: 34 } });
  });

  it('does not ask for an amount on a route that is not infused', () => {
    expect(run({ plannedEndAt: null, at: at(1) })).toMatchObject({
      ok: true,
      value: { givenMg: 34, basis: 'as-started' },
    });
  });
});
