import { describe, expect, it } from 'vitest';
import {
  ADMINISTRATION_CLOCK_SKEW_MS,
  administrationStepRefusal,
  sessionWriteRefusal,
  type AdministrationStep,
} from './administration-state.ts';
import { at } from './test-fixtures.ts';

const SKEW_MIN = ADMINISTRATION_CLOCK_SKEW_MS / 60_000;
const open = { startedAt: null, stoppedAt: null, discharged: false };
const running = { startedAt: at(0), stoppedAt: null, discharged: false };
const base: AdministrationStep = {
  event: 'start',
  at: at(0),
  now: at(10),
  sessionStartedAt: at(0),
  baselineAt: at(-5),
  state: open,
};
const code = (changes: Partial<AdministrationStep>) =>
  administrationStepRefusal({ ...base, ...changes })?.code ?? null;
const ms = (min: number) => new Date(at(0).getTime() + min * 60_000);

describe('administration state machine: order', () => {
  it.each([
    ['start on a new session', 'start', open, null],
    ['a second start', 'start', running, 'administration-already-started'],
    ['a stop before any start', 'stop', open, 'administration-not-started'],
    ['a rate change before any start', 'rate-change', open, 'administration-not-started'],
    ['a rate change while running', 'rate-change', running, null],
    ['a stop while running', 'stop', running, null],
    [
      'a rate change after the stop',
      'rate-change',
      { ...running, stoppedAt: at(5) },
      'administration-already-stopped',
    ],
    ['a second stop', 'stop', { ...running, stoppedAt: at(5) }, 'administration-already-stopped'],
    ['anything after discharge', 'stop', { ...running, discharged: true }, 'session-discharged'],
    ['a start after discharge', 'start', { ...open, discharged: true }, 'session-discharged'],
  ] as const)('%s → %s', (_label, event, state, expected) => {
    expect(code({ event, state, at: at(6) })).toBe(expected);
  });

  it('refuses every write to a discharged session and none to an open one', () => {
    expect(sessionWriteRefusal(true)?.code).toBe('session-discharged');
    expect(sessionWriteRefusal(false)).toBeNull();
  });
});

describe('administration state machine: times', () => {
  it('allows a time up to the clock-skew tolerance in the future, refuses one unit beyond', () => {
    expect(SKEW_MIN).toBe(2);
    expect(code({ at: ms(10 + SKEW_MIN), now: at(10) })).toBeNull();
    expect(code({ at: new Date(ms(10 + SKEW_MIN).getTime() + 1), now: at(10) })).toBe(
      'administration-time-invalid',
    );
  });

  it('allows a time up to the tolerance before the session start, refuses one unit earlier', () => {
    expect(code({ at: ms(-SKEW_MIN) })).toBeNull();
    expect(code({ at: new Date(ms(-SKEW_MIN).getTime() - 1) })).toBe('administration-time-invalid');
  });

  it('refuses back-dating the start by two hours (the Spravato observation bypass)', () => {
    const refusal = administrationStepRefusal({ ...base, at: ms(-120) });
    expect(refusal).toMatchObject({ code: 'administration-time-invalid', path: 'at' });
    expect(refusal?.text).toMatch(/back-dated/);
  });

  it('measures from the later of session start and baseline reading', () => {
    const late = { sessionStartedAt: at(0), baselineAt: at(20), now: at(30) };
    expect(code({ ...late, at: ms(18) })).toBeNull();
    expect(code({ ...late, at: new Date(ms(18).getTime() - 1) })).toBe('administration-time-invalid');
  });

  it('refuses a stop or rate change before the administration started', () => {
    const state = { ...running, startedAt: at(5) };
    expect(code({ event: 'stop', state, at: at(5) })).toBeNull();
    expect(code({ event: 'stop', state, at: new Date(at(5).getTime() - 1) })).toBe(
      'administration-time-invalid',
    );
  });
});
