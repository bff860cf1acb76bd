import { describe, expect, it } from 'vitest';
import { canChangeStatus, missedNeedsFollowUp } from './status.ts';

describe('appointment status changes', () => {
  it('lets a booked or rescheduled appointment be attended, missed, cancelled or moved', () => {
    for (const from of ['booked', 'rescheduled'] as const) {
      for (const to of ['rescheduled', 'cancelled', 'attended', 'did-not-attend'] as const)
        expect(canChangeStatus(from, to)).toBe(true);
    }
  });
  it('keeps attended, missed and cancelled appointments final', () => {
    for (const from of ['attended', 'did-not-attend', 'cancelled'] as const)
      expect(canChangeStatus(from, 'attended')).toBe(false);
    expect(canChangeStatus('booked', 'booked')).toBe(false);
  });
});

describe('follow-up after a missed appointment', () => {
  it.each([
    [null, false],
    [1, false],
    [2, false],
    [3, true],
    [4, true],
  ])('level %s → %s', (level, expected) => {
    expect(missedNeedsFollowUp('did-not-attend', level)).toBe(expected);
  });
  it('needs no follow-up for an attended appointment', () => {
    expect(missedNeedsFollowUp('attended', 4)).toBe(false);
  });
});
