// The administration record's state machine: start once, rate changes while running, stop after start, nothing
// after discharge, and every time within the session and not in the future.
import { dischargedSessionRefusal } from './discharge-events.ts';
import type { SessionStateRefusal } from './session-state.ts';

/** An event of the administration record. */
export type AdministrationEvent = 'start' | 'rate-change' | 'stop';

/**
 * How far an entered time may lie beyond the server's clock (device clocks differ; times are entered to the
 * minute). KASPR setting [SYN]: small enough that it cannot meet an observation period by back-dating
 * (Spravato ≥2 h, clinic.md §2 [V]; review 2026-12 §3 "Spravato 2-h monitoring bypass").
 */
export const ADMINISTRATION_CLOCK_SKEW_MS = 2 * 60_000;

/** What the session has recorded so far. */
export interface AdministrationState {
  readonly startedAt: Date | null;
  readonly stoppedAt: Date | null;
  readonly discharged: boolean;
}

/** One requested event with the times it is checked against. */
export interface AdministrationStep {
  readonly event: AdministrationEvent;
  readonly at: Date;
  readonly now: Date;
  readonly sessionStartedAt: Date;
  readonly baselineAt: Date;
  readonly state: AdministrationState;
}

/** The refusal for any write to a discharged session, or null while it is open. */
export function sessionWriteRefusal(discharged: boolean): SessionStateRefusal | null {
  return discharged ? dischargedSessionRefusal : null;
}

function orderRefusal(step: AdministrationStep): SessionStateRefusal | null {
  const { event, state } = step;
  if (event === 'start' && state.startedAt !== null)
    return {
      code: 'administration-already-started',
      text: 'Administration was already started in this session.',
    };
  if (event !== 'start' && state.startedAt === null)
    return { code: 'administration-not-started', text: 'Record the start of administration first.' };
  if (state.stoppedAt !== null)
    return { code: 'administration-already-stopped', text: 'Administration has already been stopped.' };
  return null;
}

function timeRefusal(step: AdministrationStep): SessionStateRefusal | null {
  const { at, now, sessionStartedAt, baselineAt, state } = step;
  const invalid = (text: string): SessionStateRefusal => ({
    code: 'administration-time-invalid',
    text,
    path: 'at',
  });
  const t = at.getTime();
  if (!Number.isFinite(t)) return invalid('The time is not a valid instant.');
  if (t > now.getTime() + ADMINISTRATION_CLOCK_SKEW_MS)
    return invalid('The time is in the future: record an event when it happens.');
  const earliest = Math.max(sessionStartedAt.getTime(), baselineAt.getTime());
  if (t < earliest - ADMINISTRATION_CLOCK_SKEW_MS)
    return invalid(
      'The time is before the session started (or its baseline reading): administration cannot be back-dated.',
    );
  if (state.startedAt !== null && t < state.startedAt.getTime())
    return invalid('The time is before the start of administration.');
  return null;
}

/**
 * Whether `step` may be recorded: a discharged session takes nothing; start comes once and first; rate
 * changes and the stop need a running administration; times lie between the session start (or baseline)
 * and now, each allowing `ADMINISTRATION_CLOCK_SKEW_MS`, and never before the administration's own start.
 */
export function administrationStepRefusal(step: AdministrationStep): SessionStateRefusal | null {
  return sessionWriteRefusal(step.state.discharged) ?? orderRefusal(step) ?? timeRefusal(step);
}
