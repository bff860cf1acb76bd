import { describe, expect, it } from 'vitest';
import { HASH_SLOTS, HashingBusyError, inHashSlot } from './hash-slots.ts';

describe('inHashSlot', () => {
  it('runs at most the active limit at once, queues the next ones, and refuses past the queue', async () => {
    let running = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const work = () =>
      new Promise<void>((resolve) => {
        running += 1;
        peak = Math.max(peak, running);
        release.push(() => {
          running -= 1;
          resolve();
        });
      });
    const accepted = Array.from({ length: HASH_SLOTS.active + HASH_SLOTS.waiting }, () => inHashSlot(work));
    await expect(inHashSlot(work)).rejects.toBeInstanceOf(HashingBusyError);
    // Setting a password waits its turn instead of being refused.
    const setting = inHashSlot(work, false);
    const state = { settled: false };
    const all = Promise.all([...accepted, setting]).then(() => {
      state.settled = true;
    });
    while (!state.settled) {
      await new Promise((r) => setTimeout(r, 0));
      expect(running).toBeLessThanOrEqual(HASH_SLOTS.active);
      release.splice(0).forEach((done) => done());
    }
    await all;
    expect(peak).toBe(HASH_SLOTS.active);
  });
});
