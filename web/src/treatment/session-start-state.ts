// The navigation state a dosing session's page is opened with right after the session was started: its start notes.
import { KEEP_FOCUS } from '../layout/keep-focus.ts';
import type { StartNote } from './treatment-types.ts';

/** Opened from "Start session": the session's heading takes focus, and the cautions raised at start are shown. */
export interface SessionStartState {
  keepFocus: true;
  justStarted: true;
  startNotes: StartNote[];
}

/** The state for navigating to a session that was just started. */
export function sessionStartState(startNotes: StartNote[]): SessionStartState {
  return { ...KEEP_FOCUS, justStarted: true, startNotes };
}

/** The start notes when the page was opened right after the start, else null (a link, a reload of a later visit). */
export function startedWith(state: unknown): StartNote[] | null {
  if (typeof state !== 'object' || state === null) return null;
  const s = state as Partial<SessionStartState>;
  return s.justStarted === true && Array.isArray(s.startNotes) ? s.startNotes : null;
}
