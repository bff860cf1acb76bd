// The session screen's timers, read from a session record and its protocol as the server's rules read them.
import { describe, expect, it } from 'vitest';
import { defaultProtocols } from '../../../src/domain/treatment/protocols.ts';
import { clockText, sessionClock, vitalsDue } from './session-timers.ts';
import type { SessionDetail, SessionEvent } from './treatment-types.ts';

const iv = defaultProtocols['iv-racemic-psychiatric'];
const esketamine = defaultProtocols['esketamine-intranasal'];
const T0 = Date.parse('2026-12-06T10:00:00.000Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const MIN = 60_000;

function vitals(id: number, min: number): SessionEvent {
  const data = { takenAt: at(min), systolic: 120, diastolic: 80, heartRate: 70, spo2: 98, alerts: [] };
  return { id, kind: 'vitals', at: at(min), recordedBy: 'Nadia Nurse', data };
}

function administration(
  id: number,
  kind: 'administration-start' | 'administration-stop',
  min: number,
): SessionEvent {
  const data = {
    product: null,
    concentrationMgPerMl: null,
    lot: null,
    expiry: null,
    doseMg: null,
    rateMgPerHour: null,
    volumeMl: null,
    reason: null,
  } as unknown as Extract<SessionEvent, { kind: 'administration-start' }>['data'];
  return { id, kind, at: at(min), recordedBy: 'Nadia Nurse', data };
}

function session(events: SessionEvent[]): SessionDetail {
  return {
    id: 's1',
    patientId: 'p1',
    protocol: 'iv-racemic-psychiatric@1.0.0',
    setting: 'clinic',
    startedAt: at(0),
    baseline: { takenAt: at(-1), systolic: 120, diastolic: 80, heartRate: 70, spo2: 98 },
    dose: {} as SessionDetail['dose'],
    prechecks: {},
    administration: {
      status: 'not-started',
      plannedMg: 35,
      startedMg: null,
      givenMg: null,
      leftOverMg: null,
      stoppedEarly: null,
    },
    events,
    discharge: null,
  };
}

describe('the dosing session timers', () => {
  it('before dosing: the next reading 10 min after the baseline; discharge counted from the end of the infusion', () => {
    const clock = sessionClock(session([]), iv);
    expect(clock.phase).toBe('before-dosing');
    expect(clock.nextVitalsAt).toBe(T0 + 9 * MIN);
    expect(clock.nextVitalsReason).toBe('every 10 min');
    expect(clock.earliestDischargeAt).toBeNull();
    expect(clock.dischargeRule).toBe('30 min after the infusion ends');
  });

  it('during the infusion: 10 min after the latest reading; after it: every 15 min, discharge 30 min after its end', () => {
    const running = sessionClock(session([administration(1, 'administration-start', 2), vitals(2, 5)]), iv);
    expect(running.phase).toBe('dosing');
    expect(running.nextVitalsAt).toBe(T0 + 15 * MIN);
    const stopped = sessionClock(
      session([
        administration(1, 'administration-start', 2),
        vitals(2, 5),
        administration(3, 'administration-stop', 42),
      ]),
      iv,
    );
    expect(stopped.phase).toBe('after-dosing');
    expect(stopped.nextVitalsAt).toBe(T0 + 20 * MIN);
    expect(stopped.nextVitalsReason).toBe('every 15 min after dosing');
    expect(stopped.earliestDischargeAt).toBe(T0 + 72 * MIN);
    expect(vitalsDue(stopped, T0 + 20 * MIN)).toBe(true);
    expect(vitalsDue(stopped, T0 + 20 * MIN - 1000)).toBe(false);
  });

  it('esketamine: dosing is its own end; the 40-minute BP check comes before the 15-minute interval when sooner', () => {
    // A reading at 28 min is before the check's window (30–50 min): the check at 40 comes before 28 + 15.
    const dosed = sessionClock(
      session([administration(1, 'administration-start', 0), vitals(2, 28)]),
      esketamine,
    );
    expect(dosed.phase).toBe('after-dosing');
    expect(dosed.earliestDischargeAt).toBe(T0 + 120 * MIN);
    expect(dosed.nextVitalsAt).toBe(T0 + 40 * MIN);
    expect(dosed.nextVitalsReason).toBe('the 40-minute BP check');
    // A reading in the window answers the check: the interval applies again.
    const checked = sessionClock(
      session([administration(1, 'administration-start', 0), vitals(2, 38)]),
      esketamine,
    );
    expect(checked.nextVitalsAt).toBe(T0 + 53 * MIN);
    expect(checked.nextVitalsReason).toBe('every 15 min after dosing');
  });

  it('knows no interval or discharge time until the protocol has loaded', () => {
    const clock = sessionClock(session([]), null);
    expect(clock.nextVitalsAt).toBeNull();
    expect(clock.earliestDischargeAt).toBeNull();
    expect(clock.dischargeRule).toBeNull();
  });

  it('writes spans as m:ss, or h:mm:ss past the hour, never negative', () => {
    expect(clockText(65_000)).toBe('1:05');
    expect(clockText(3_723_000)).toBe('1:02:03');
    expect(clockText(-5_000)).toBe('0:00');
  });
});
