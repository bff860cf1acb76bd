// The one-statement session check of the hot path agrees with the domain's rule at every boundary: live exactly at
// the idle and absolute limits, expired a millisecond after, never for an ended session or a disabled user; it
// writes the last-seen time only when the last one is older than the touch interval.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionState } from '../src/domain/auth/session-policy.ts';
import { insertService } from '../src/store/services.ts';
import {
  checkLiveSession,
  insertSession,
  touchLiveSession,
  touchLiveSessions,
} from '../src/store/sessions.ts';
import { insertUser } from '../src/store/users.ts';
import { createTestDatabase, testEngine, type TestDatabase } from './support/database.ts';

const IDLE_MINUTES = 15;
const ABSOLUTE_HOURS = 12;
const limits = { idleMs: IDLE_MINUTES * 60_000, absoluteMs: ABSOLUTE_HOURS * 3_600_000, touchMs: 5_000 };
const policy = { idleMinutes: IDLE_MINUTES, absoluteHours: ABSOLUTE_HOURS };
const NOW = new Date('2026-12-06T12:00:00.000Z');

let t: TestDatabase;
let userId: string;
let n = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  const service = await insertService(t.db, 'Session service');
  userId = await insertUser(t.db, {
    email: 'session@clinic.test',
    displayName: 'Session User',
    passwordHash: null,
    roles: ['practitioner'],
    serviceIds: [service.id],
  });
});
afterAll(() => t.drop());

/** A session begun at `createdAt` and last seen at `lastSeenAt`; returns its id hash. */
async function session(createdAt: Date, lastSeenAt: Date): Promise<string> {
  n += 1;
  const idHash = `hash-${n}`;
  await insertSession(t.db, {
    idHash,
    userId,
    csrfToken: `csrf-${n}`,
    now: createdAt,
    expiresAt: new Date(createdAt.getTime() + limits.absoluteMs),
    ip: '127.0.0.1',
  });
  await t.db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [idHash, lastSeenAt]);
  return idHash;
}

const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe(`touchLiveSession (${testEngine()})`, () => {
  const cases: [string, number, number][] = [
    ['fresh', 60_000, 1_000],
    ['seen exactly the touch interval ago', 60_000, 5_000],
    ['seen a millisecond more than the touch interval ago', 60_000, 5_001],
    ['idle exactly at the limit', 60 * 60_000, limits.idleMs],
    ['idle a millisecond past the limit', 60 * 60_000, limits.idleMs + 1],
    ['begun exactly at the absolute limit', limits.absoluteMs, 1_000],
    ['begun a millisecond past the absolute limit', limits.absoluteMs + 1, 1_000],
  ];
  for (const [label, age, idle] of cases) {
    it(`agrees with sessionState: ${label}`, async () => {
      const idHash = await session(ago(age), ago(idle));
      const live = await touchLiveSession(t.db, idHash, NOW, limits);
      const expected = sessionState({ createdAt: ago(age), lastSeenAt: ago(idle) }, NOW, policy) === 'active';
      expect(live !== undefined).toBe(expected);
      const [row] = await t.db.query<{ last_seen_at: Date }>(
        'SELECT last_seen_at FROM sessions WHERE id_hash = $1',
        [idHash],
      );
      // Marked seen only when live and last marked more than the touch interval ago.
      const touched = expected && idle > limits.touchMs;
      expect(row?.last_seen_at.getTime()).toBe(touched ? NOW.getTime() : ago(idle).getTime());
      if (live) {
        expect(live.user.id).toBe(userId);
        expect(live.user.service_ids).toHaveLength(1);
        expect(live.session.csrf_token).toBe(`csrf-${n}`);
      }
    });
  }

  it('is never live once ended, nor for a disabled user', async () => {
    const ended = await session(ago(60_000), ago(1_000));
    await t.db.query('UPDATE sessions SET ended_at = $2 WHERE id_hash = $1', [ended, ago(500)]);
    expect(await touchLiveSession(t.db, ended, NOW, limits)).toBeUndefined();
    const other = await session(ago(60_000), ago(1_000));
    await t.db.query('UPDATE users SET disabled = true WHERE id = $1', [userId]);
    try {
      expect(await touchLiveSession(t.db, other, NOW, limits)).toBeUndefined();
    } finally {
      await t.db.query('UPDATE users SET disabled = false WHERE id = $1', [userId]);
    }
  });
});

describe(`touchLiveSessions, the batched check (${testEngine()})`, () => {
  const cases: [number, number][] = [
    [60_000, 1_000],
    [60_000, 5_000],
    [60_000, 5_001],
    [60 * 60_000, limits.idleMs],
    [60 * 60_000, limits.idleMs + 1],
    [limits.absoluteMs, 1_000],
    [limits.absoluteMs + 1, 1_000],
  ];
  const lastSeen = async (idHash: string) =>
    (
      await t.db.query<{ last_seen_at: Date }>('SELECT last_seen_at FROM sessions WHERE id_hash = $1', [
        idHash,
      ])
    )[0]?.last_seen_at.getTime();

  it('answers each call as touchLiveSession answers it alone, and marks seen the same sessions', async () => {
    // Twin sessions per case: one checked alone, one in the batch.
    const alone: string[] = [];
    const batched: string[] = [];
    for (const [age, idle] of cases) {
      alone.push(await session(ago(age), ago(idle)));
      batched.push(await session(ago(age), ago(idle)));
    }
    const ended = await session(ago(60_000), ago(1_000));
    await t.db.query('UPDATE sessions SET ended_at = $2 WHERE id_hash = $1', [ended, ago(500)]);
    const expected = [];
    for (const idHash of alone) expected.push(await touchLiveSession(t.db, idHash, NOW, limits));
    const got = await touchLiveSessions(t.db, [
      ...batched.map((idHash) => ({ idHash, now: NOW, limits })),
      { idHash: ended, now: NOW, limits },
      { idHash: 'no-such-session', now: NOW, limits },
    ]);
    expect(got).toHaveLength(batched.length + 2);
    for (const [i, idHash] of batched.entries()) {
      expect(got[i] === undefined).toBe(expected[i] === undefined);
      const answer = got[i];
      if (answer) {
        expect(answer.user).toEqual(expected[i]?.user);
        expect(answer.session.csrf_token).not.toBe(expected[i]?.session.csrf_token); // each its own session
      }
      expect((await lastSeen(idHash)) === NOW.getTime()).toBe(
        (await lastSeen(alone[i] as string)) === NOW.getTime(),
      );
    }
    expect(got.slice(-2)).toEqual([undefined, undefined]);
  });

  it('a session named by several calls in one batch is live for each and marked seen at the latest time', async () => {
    const idHash = await session(ago(60_000), ago(10_000));
    const times = [ago(3_000), NOW, ago(6_000)];
    const got = await touchLiveSessions(
      t.db,
      times.map((now) => ({ idHash, now, limits })),
    );
    expect(got.every((g) => g?.user.id === userId)).toBe(true);
    expect(await lastSeen(idHash)).toBe(NOW.getTime());
  });

  it('concurrent checks through the batcher are each answered for their own session', async () => {
    const hashes: string[] = [];
    for (let i = 0; i < 6; i += 1) hashes.push(await session(ago(60_000), ago(1_000)));
    await t.db.query('UPDATE sessions SET ended_at = $2 WHERE id_hash = $1', [hashes[5], ago(500)]);
    const calls = Array.from({ length: 60 }, (_, i) => hashes[i % hashes.length] as string);
    const answers = await Promise.all(
      calls.map((idHash) => checkLiveSession(t.db, { idHash, now: NOW, limits })),
    );
    const csrf = new Map<string, string>();
    for (const [i, idHash] of calls.entries()) {
      const answer = answers[i];
      if (idHash === hashes[5]) {
        expect(answer).toBeUndefined();
        continue;
      }
      expect(answer?.user.id).toBe(userId);
      const token = answer?.session.csrf_token as string;
      expect(csrf.get(idHash) ?? token).toBe(token);
      csrf.set(idHash, token);
    }
    expect(new Set(csrf.values()).size).toBe(5);
  });
});
