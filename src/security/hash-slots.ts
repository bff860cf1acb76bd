// A bound on concurrent password hashing: argon2id takes ~19 MiB and tens of milliseconds of CPU per call, so
// a flood of sign-in attempts must queue, and past a short queue be refused, rather than exhaust the server.

/** Hashing allowed at once, and callers allowed to wait for a turn. */
export const HASH_SLOTS = { active: 4, waiting: 32 } as const;

/** Raised when every slot is busy and the queue is full: answer "try again shortly", never hash. */
export class HashingBusyError extends Error {
  constructor() {
    super('password hashing is at capacity');
  }
}

let active = 0;
const queue: (() => void)[] = [];
let operations = 0;

/** How many hashing operations have run since start (tests read it to prove a path did no hashing). */
export function hashOperations(): number {
  return operations;
}

/**
 * Runs `work` in a hashing slot, waiting for one if needed. With `refuseWhenFull` (anything an anonymous caller
 * can trigger) it throws HashingBusyError instead of joining a full queue; setting a password waits its turn.
 */
export async function inHashSlot<T>(work: () => Promise<T>, refuseWhenFull = true): Promise<T> {
  if (active >= HASH_SLOTS.active) {
    if (refuseWhenFull && queue.length >= HASH_SLOTS.waiting) throw new HashingBusyError();
    await new Promise<void>((resolve) => queue.push(resolve));
  } else {
    active += 1;
  }
  operations += 1;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter, or free it.
    const next = queue.shift();
    if (next) next();
    else active -= 1;
  }
}
