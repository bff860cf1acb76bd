// When entries happen and are made: real instants, no future dates, late entries explained, register in time order.
import { isoDate, type IsoDate } from '../core/calendar.ts';
import type { EntryDraft, LedgerEntry } from './entry.ts';
import type { LedgerPolicy } from './policy.ts';
import { problem, type LedgerProblem } from './problems.ts';

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an ISO 8601 instant with an offset, or undefined when it is not one. */
export function instantMs(text: string): number | undefined {
  const match = INSTANT.exec(text);
  if (match?.[1] === undefined || isoDate(match[1]) === undefined) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The calendar date of an instant as written, in its own offset ("2026-03-06T23:30-05:00" → 2026-03-06). */
export function localDateOf(text: string): IsoDate | undefined {
  return instantMs(text) === undefined ? undefined : isoDate(text.slice(0, 10));
}

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

/**
 * Problems with when the entry happened and is being made:
 * - the transaction time must be a real instant and not in the future (beyond the policy's tolerance);
 * - more than `lateEntryAfterMs` (default exactly 24 h) after it needs a late-entry reason — MDR reg 20(b)
 *   ("on the day … or the next day") and security.md R24, read strictly as elapsed time;
 * - the register is chronological (reg 19): an entry cannot be made earlier than the last one recorded.
 * A correction has no transaction time of its own: it is dated when made (reg 20(c)).
 */
export function timingProblems(
  draft: EntryDraft,
  policy: LedgerPolicy,
  now: Date,
  entries: readonly LedgerEntry[],
): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const nowMs = now.getTime();
  const last = entries.reduce((latest, e) => Math.max(latest, instantMs(e.recordedAt) ?? latest), -Infinity);
  if (last > nowMs) {
    problems.push(
      problem(
        'out-of-sequence',
        'recordedAt',
        'The register already has a later entry; check the server clock.',
      ),
    );
  }
  if (draft.kind === 'correction') return problems;
  if (draft.occurredAt === undefined) {
    return [...problems, problem('invalid-time', 'occurredAt', 'occurredAt is required.')];
  }
  const occurred = instantMs(draft.occurredAt);
  if (occurred === undefined) {
    const text = 'occurredAt must be an ISO 8601 date and time with an offset, e.g. 2026-03-02T09:15:00Z.';
    return [...problems, problem('invalid-time', 'occurredAt', text)];
  }
  if (occurred - nowMs > policy.futureToleranceMs) {
    problems.push(problem('future-entry', 'occurredAt', 'The transaction time is in the future.'));
  }
  if (nowMs - occurred > policy.lateEntryAfterMs && blank(draft.lateEntryReason)) {
    const text = 'This entry is made more than a day after the transaction: say why (MDR reg 20(b)).';
    problems.push(problem('late-entry-needs-reason', 'lateEntryReason', text));
  }
  return problems;
}
