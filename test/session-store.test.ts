// The one-statement session check of the hot path agrees with the domain's rule at every boundary: live exactly at
// the idle and absolute limits, expired a millisecond after, never for an ended session or a disabled user; it
// writes the last-seen time only when the last one is older than the touch interval.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionState } from '../src/domain/auth/session-policy.ts';
import { insertService } from '../src/store/services.ts';
import { insertSession, touchLiveSession } from '../src/store/sessions.ts';
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
