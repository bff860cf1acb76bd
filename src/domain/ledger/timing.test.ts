import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from './entry.ts';
import { codesOf, draftOf, SAFE_A, TestRegister, T0 } from './test-fixtures.ts';
import { instantMs, localDateOf } from './timing.ts';

const HOUR = 3_600_000;
const before = (ms: number) => new Date(T0.getTime() - ms).toISOString();

function at(occurredAt: string, lateEntryReason?: string) {
  return new TestRegister().submit(draftOf('receipt', T0, { occurredAt, lateEntryReason }));
}

describe('late entries (MDR reg 20(b), security.md R24)', () => {
  it('accepts an entry made exactly 24 h after the transaction without a reason', () => {
    expect(at(before(24 * HOUR)).ok).toBe(true);
  });

  it('needs a reason at 24 h + 1 s', () => {
    expect(codesOf(at(before(24 * HOUR + 1000)))).toEqual(['late-entry-needs-reason']);
  });

  it('accepts a late entry with its reason and keeps the reason', () => {
    const result = at(before(48 * HOUR), 'Register was locked in the pharmacy over the weekend');
    expect(result.ok && result.value.lateEntryReason).toMatch(/weekend/);
  });

  it('treats a blank reason as none', () => {
    expect(codesOf(at(before(30 * HOUR), '   '))).toEqual(['late-entry-needs-reason']);
  });
});

describe('future entries and time format', () => {
  it('allows a minute of clock drift and refuses anything later', () => {
    expect(at(new Date(T0.getTime() + 60_000).toISOString()).ok).toBe(true);
    expect(codesOf(at(new Date(T0.getTime() + 61_000).toISOString()))).toEqual(['future-entry']);
  });

  it.each(['2026-03-02', '2026-03-02 08:00:00Z', '2026-02-30T08:00:00Z', '2026-03-02T25:00:00Z', ''])(
    'refuses %j as a transaction time',
    (text) => {
      expect(codesOf(at(text))).toEqual(['invalid-time']);
    },
  );

  it('reads instants with an offset and their local calendar date', () => {
    expect(instantMs('2026-03-02T09:00:00Z')).toBe(T0.getTime());
    expect(instantMs('2026-03-02T04:00:00.000-05:00')).toBe(T0.getTime());
    expect(localDateOf('2026-03-06T23:30:00-05:00')).toBe('2026-03-06');
    expect(localDateOf('not a time')).toBeUndefined();
  });
});

describe('chronological order (reg 19)', () => {
  it('refuses an entry made earlier than the last one recorded (clock went back)', () => {
    const reg = new TestRegister();
    reg.must('receipt');
    reg.now = new Date(T0.getTime() - 1000);
    expect(codesOf(reg.add('receipt', { occurredAt: before(HOUR) }))).toEqual(['out-of-sequence']);
  });

  it('accepts an entry made at the same instant as the last one', () => {
    const reg = new TestRegister();
    reg.must('receipt');
    reg.now = T0;
    expect(reg.add('receipt').ok).toBe(true);
  });

  it('takes a late, back-dated entry after later transactions, in the order made', () => {
    const reg = new TestRegister();
    reg.now = new Date('2026-03-01T09:00:00Z');
    reg.must('receipt', { occurredAt: '2026-03-01T08:00:00Z' });
    reg.now = new Date('2026-03-03T09:00:00Z');
    reg.must('administration', { occurredAt: '2026-03-03T08:00:00Z' });
    reg.now = new Date('2026-03-04T09:00:00Z');
    const late = reg.must('administration', {
      occurredAt: '2026-03-02T10:00:00Z',
      lateEntryReason: 'Paper record transcribed after downtime',
    });
    expect(late.seq).toBe(3);
  });

  it('dates a correction when it is made', () => {
    const reg = new TestRegister();
    reg.must('receipt');
    const now = reg.now;
    const fix = reg.must('correction', { correctsEntryId: 'e1', quantity: { containers: 4 } });
    expect(fix.occurredAt).toBe(now.toISOString());
    expect(fix.recordedAt).toBe(now.toISOString());
  });

  it('ignores unreadable recorded times in old entries rather than blocking the register', () => {
    const reg = new TestRegister();
    const odd: LedgerEntry = { ...reg.must('receipt'), id: 'x', seq: 99, recordedAt: 'garbled' };
    reg.entries.push(odd);
    expect(reg.add('receipt', { locationId: SAFE_A.id }).ok).toBe(true);
  });
});
