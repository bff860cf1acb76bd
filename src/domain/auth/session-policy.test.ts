import { describe, expect, it } from 'vitest';
import {
  LAPSE_MARGIN_MS,
  idleWarningLeadMs,
  keepAliveIntervalMs,
  lockoutSeconds,
  pageIdleState,
  sessionState,
  touchGranularityMs,
} from './session-policy.ts';

const policy = { idleMinutes: 15, absoluteHours: 12 };
const t0 = new Date('2026-01-01T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('sessionState', () => {
  it('is active up to the idle limit and times out one second after it', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 }, at(15 * 60_000), policy)).toBe('active');
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 }, at(15 * 60_000 + 1000), policy)).toBe(
      'idle-timeout',
    );
  });
  it('ends at the absolute limit even when the user stayed active', () => {
    const lastSeen = at(12 * 3_600_000 - 1000);
    expect(sessionState({ createdAt: t0, lastSeenAt: lastSeen }, at(12 * 3_600_000), policy)).toBe('active');
    expect(sessionState({ createdAt: t0, lastSeenAt: lastSeen }, at(12 * 3_600_000 + 1000), policy)).toBe(
      'absolute-timeout',
    );
  });
});

describe('lockoutSeconds, keepAliveIntervalMs and idleWarningLeadMs', () => {
  it.each([
    // Four failures are free; the fifth locks for 30 s, doubling with each failure to a 15-minute cap.
    ['lockoutSeconds', lockoutSeconds, 0, 0],
    ['lockoutSeconds', lockoutSeconds, 4, 0],
    ['lockoutSeconds', lockoutSeconds, 5, 30],
    ['lockoutSeconds', lockoutSeconds, 6, 60],
    ['lockoutSeconds', lockoutSeconds, 7, 120],
    ['lockoutSeconds', lockoutSeconds, 10, 900],
    ['lockoutSeconds', lockoutSeconds, 50, 900],
    // The server hears at most once a minute, and four times within a short limit.
    ['keepAliveIntervalMs', keepAliveIntervalMs, 15, 60_000],
    ['keepAliveIntervalMs', keepAliveIntervalMs, 4, 60_000],
    ['keepAliveIntervalMs', keepAliveIntervalMs, 3, 45_000],
    ['keepAliveIntervalMs', keepAliveIntervalMs, 1, 15_000],
    // The warning comes a minute ahead, or half the limit ahead when the limit is short.
    ['idleWarningLeadMs', idleWarningLeadMs, 15, 60_000],
    ['idleWarningLeadMs', idleWarningLeadMs, 2, 60_000],
    ['idleWarningLeadMs', idleWarningLeadMs, 1, 30_000],
  ])('%s(%i) is %i', (_name, rule, input, expected) => {
    expect(rule(input)).toBe(expected);
  });
});

describe('pageIdleState', () => {
  const contact = 1_000_000;
  const idle = (ms: number) => ({
    lastInputAt: contact - 5_000,
    lastServerContactAt: contact,
    now: contact + ms,
  });
  const typing = (ms: number) => ({
    lastInputAt: contact + ms,
    lastServerContactAt: contact,
    now: contact + ms,
  });
  const state = (a: { lastInputAt: number; lastServerContactAt: number; now: number }, minutes = 15) =>
    pageIdleState(a, a.now, minutes);

  it('sends a keep-alive for typing once the interval since the server last heard has passed', () => {
    expect(state(typing(60_000 - 1))).toEqual({ kind: 'active' });
    expect(state(typing(60_000))).toEqual({ kind: 'keep-alive' });
    expect(state(typing(60_001))).toEqual({ kind: 'keep-alive' });
    expect(state(typing(15_000 - 1), 1)).toEqual({ kind: 'active' });
    expect(state(typing(15_000), 1)).toEqual({ kind: 'keep-alive' });
  });

  it('never warns a person who has typed since the server last heard from the page', () => {
    for (const ms of [1, 14 * 60_000, 15 * 60_000 - 1, 15 * 60_000]) {
      expect(state(typing(ms)).kind).not.toBe('warn');
    }
    // A keypress while the warning shows turns it into a keep-alive.
    expect(
      state({
        lastInputAt: contact + 14.5 * 60_000,
        lastServerContactAt: contact,
        now: contact + 14.5 * 60_000,
      }),
    ).toEqual({
      kind: 'keep-alive',
    });
  });

  it('warns only in the last minute of real inactivity', () => {
    expect(state(idle(14 * 60_000 - 1))).toEqual({ kind: 'active' });
    expect(state(idle(14 * 60_000))).toEqual({ kind: 'warn', msLeft: 60_000 });
    expect(state(idle(14 * 60_000 + 1))).toEqual({ kind: 'warn', msLeft: 59_999 });
    expect(state(idle(30_000 - 1), 1)).toEqual({ kind: 'active' });
    expect(state(idle(30_000), 1)).toEqual({ kind: 'warn', msLeft: 30_000 });
  });

  it('asks the server once the limit and its margin have passed with no activity', () => {
    const limit = 15 * 60_000 + LAPSE_MARGIN_MS;
    expect(state(idle(limit - 1))).toEqual({ kind: 'warn', msLeft: 0 });
    expect(state(idle(limit))).toEqual({ kind: 'lapsed' });
    expect(state(idle(limit + 1))).toEqual({ kind: 'lapsed' });
  });

  it('counts input at the very moment of the last contact as already told', () => {
    expect(state({ lastInputAt: contact, lastServerContactAt: contact, now: contact + 14 * 60_000 })).toEqual(
      {
        kind: 'warn',
        msLeft: 60_000,
      },
    );
  });
});

describe('touchGranularityMs', () => {
  it('is 5 s at the usual limits and a twentieth of a short one', () => {
    expect(touchGranularityMs(15)).toBe(5_000);
    expect(touchGranularityMs(2)).toBe(5_000);
    expect(touchGranularityMs(1)).toBe(3_000);
  });
});
