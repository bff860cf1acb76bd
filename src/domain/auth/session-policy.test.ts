import { describe, expect, it } from 'vitest';
import { lockoutSeconds, sessionState } from './session-policy.ts';

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

describe('lockoutSeconds', () => {
  it('allows four failures freely and locks from the fifth, doubling to a 15-minute cap', () => {
    expect(lockoutSeconds(0)).toBe(0);
    expect(lockoutSeconds(4)).toBe(0);
    expect(lockoutSeconds(5)).toBe(30);
    expect(lockoutSeconds(6)).toBe(60);
    expect(lockoutSeconds(7)).toBe(120);
    expect(lockoutSeconds(10)).toBe(900);
    expect(lockoutSeconds(50)).toBe(900);
  });
});
