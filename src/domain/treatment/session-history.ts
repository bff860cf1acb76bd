// The patient's earlier dosing sessions as a gate: one session at a time, a minimum interval between sessions,
// and a course's first session read from history rather than a tick box (review 2026-12 §6 item 16).
import { defaultPreDoseLimits } from './protocol-common.ts';
import type { Protocol } from './protocol.ts';
import type { Route } from './protocol-types.ts';
import type { GateBlock } from './session-gates.ts';

/**
 * A session never administered stops counting as open this long after it started, so an abandoned session
 * does not block the patient for ever. KASPR setting [SYN]: a dosing visit lasts hours, not a day.
 */
export const UNDOSED_SESSION_OPEN_HOURS = 24;

const HOUR_MS = 3_600_000;

/** One earlier dosing session of the patient. */
export interface PastSession {
  readonly startedAt: Date;
  readonly route: Route;
  readonly discharged: boolean;
  /** True once administration started (a dose was given). */
  readonly administered: boolean;
}

export interface SessionHistoryInput {
  readonly protocol: Protocol;
  readonly now: Date;
  readonly sessions: readonly PastSession[];
  /** What the request declared (`firstSession`), if anything. */
  readonly declaredFirstSession?: boolean;
}

export interface SessionHistoryCheck {
  readonly blocks: readonly GateBlock[];
  readonly warnings: readonly GateBlock[];
  /** True when no earlier session on this route gave a dose. */
  readonly firstSession: boolean;
  /** True when the declared `firstSession` disagreed with the history and was ignored. */
  readonly declaredFirstSessionIgnored: boolean;
}

function isOpen(s: PastSession, now: Date): boolean {
  if (s.discharged) return false;
  if (s.administered) return true;
  return now.getTime() - s.startedAt.getTime() < UNDOSED_SESSION_OPEN_HOURS * HOUR_MS;
}

/**
 * Refuses a new session while another is open (not discharged; an undosed one only for
 * `UNDOSED_SESSION_OPEN_HOURS`); within the protocol's minimum interval since the last dosed session, warns
 * or refuses as the protocol's `minIntervalRefuses` says; and derives the first session of the course from
 * history (no earlier dosed session on the route), whatever was declared.
 */
export function sessionHistoryCheck(input: SessionHistoryInput): SessionHistoryCheck {
  const { protocol, now, sessions } = input;
  const blocks: GateBlock[] = [];
  const warnings: GateBlock[] = [];
  const open = sessions.find((s) => isOpen(s, now));
  if (open) {
    blocks.push({
      code: 'session-already-open',
      text: `Another dosing session (started ${open.startedAt.toISOString()}) is still open: discharge the patient from it first.`,
      source: 'Clinic safety review 2026-12 §6 item 16: block a new session while one is undischarged.',
    });
  }
  const hours = protocol.preDose.minIntervalHours ?? defaultPreDoseLimits.minIntervalHours;
  const refuses = protocol.preDose.minIntervalRefuses ?? defaultPreDoseLimits.minIntervalRefuses;
  const dosed = sessions.filter((s) => s.administered);
  const last = dosed.reduce<PastSession | undefined>(
    (a, s) => (a === undefined || s.startedAt > a.startedAt ? s : a),
    undefined,
  );
  if (last) {
    const since = (now.getTime() - last.startedAt.getTime()) / HOUR_MS;
    if (since < hours.value) {
      const gate: GateBlock = {
        code: 'session-interval-too-short',
        text: `The last dosing session started ${since.toFixed(1)} h ago; this protocol expects at least ${hours.value} h between sessions.`,
        source: hours.source,
      };
      (refuses.required ? blocks : warnings).push(gate);
    }
  }
  const firstSession = !dosed.some((s) => s.route === protocol.route);
  const declared = input.declaredFirstSession;
  return {
    blocks,
    warnings,
    firstSession,
    declaredFirstSessionIgnored: declared !== undefined && declared !== firstSession,
  };
}
