import { describe, expect, it } from 'vitest';
import { sessionHistoryCheck, UNDOSED_SESSION_OPEN_HOURS, type PastSession } from './session-history.ts';
import { at, esketamine, ivPsychiatric } from './test-fixtures.ts';

const hoursAgo = (h: number) => new Date(at(0).getTime() - h * 3_600_000);
const done = (h: number, route: PastSession['route'] = 'iv-racemic'): PastSession => ({
  startedAt: hoursAgo(h),
  route,
  discharged: true,
  administered: true,
});
const check = (sessions: PastSession[], protocol = ivPsychiatric, declaredFirstSession?: boolean) =>
  sessionHistoryCheck({
    protocol,
    now: at(0),
    sessions,
    ...(declaredFirstSession !== undefined ? { declaredFirstSession } : {}),
  });

describe('sessionHistoryCheck', () => {
  it('passes a first session', () => {
    expect(check([])).toMatchObject({ blocks: [], warnings: [], firstSession: true });
  });

  it('refuses a new session while a dosed one is not discharged, however old', () => {
    const open = { ...done(200), discharged: false };
    expect(check([open]).blocks.map((b) => b.code)).toEqual(['session-already-open']);
  });

  it('counts an undosed session as open only for its window', () => {
    const undosed = (h: number) => ({ ...done(h), discharged: false, administered: false });
    const edge = UNDOSED_SESSION_OPEN_HOURS;
    expect(check([undosed(edge - 0.001)]).blocks.map((b) => b.code)).toEqual(['session-already-open']);
    expect(check([undosed(edge)]).blocks).toEqual([]);
  });

  it('warns inside the 48 h minimum interval and not at it (default: warn)', () => {
    expect(check([done(47.99)]).warnings.map((w) => w.code)).toEqual(['session-interval-too-short']);
    expect(check([done(47.99)]).blocks).toEqual([]);
    expect(check([done(48)]).warnings).toEqual([]);
    expect(check([done(47.99)]).warnings[0]?.source).toMatch(/clinic\.md §1/);
  });

  it('refuses inside the interval when the protocol says so', () => {
    const strict = {
      ...ivPsychiatric,
      preDose: {
        ...ivPsychiatric.preDose,
        minIntervalRefuses: { ...ivPsychiatric.preDose.minIntervalRefuses!, required: true },
      },
    };
    expect(check([done(1)], strict).blocks.map((b) => b.code)).toEqual(['session-interval-too-short']);
    expect(check([done(48)], strict).blocks).toEqual([]);
  });

  it('derives the esketamine first session from history, not the tick box', () => {
    expect(check([], esketamine, false)).toMatchObject({
      firstSession: true,
      declaredFirstSessionIgnored: true,
    });
    expect(check([done(96, 'intranasal-esketamine')], esketamine, true)).toMatchObject({
      firstSession: false,
      declaredFirstSessionIgnored: true,
    });
    expect(check([done(96, 'iv-racemic')], esketamine, true)).toMatchObject({
      firstSession: true,
      declaredFirstSessionIgnored: false,
    });
    const undosed = { ...done(96, 'intranasal-esketamine'), administered: false };
    expect(check([undosed], esketamine).firstSession).toBe(true);
  });
});
