// The session screen's timers, read from the session's record and its protocol the way the server's discharge
// and monitoring rules read them: time since the session started, when the next vitals are due, and the earliest
// discharge (src/domain/treatment/discharge.ts counts observation from dosing or from the end of administration).
import { bpCheckpointsDue, readingForCheckpoint } from '../../../src/domain/treatment/bp-checkpoint.ts';
import { readStoredVitals } from '../../../src/domain/treatment/discharge-events.ts';
import type { Protocol, SessionDetail } from './treatment-types.ts';

/** Where the session stands: before dosing, dosing (an infusion running), or after dosing. */
export type SessionPhase = 'before-dosing' | 'dosing' | 'after-dosing';

/** The moments the timers count to or from, in epoch milliseconds; null where the record does not tell yet. */
export interface SessionClock {
  phase: SessionPhase;
  startedAt: number;
  dosingStartedAt: number | null;
  dosingEndedAt: number | null;
  /** The latest reading's time (the baseline when there is none other). */
  lastReadingAt: number;
  /** The next reading: the protocol's interval after the latest one, or an earlier fixed BP check still open. */
  nextVitalsAt: number | null;
  /** Why the next reading is due: "every 10 min", "every 15 min after dosing", "the 40-minute BP check". */
  nextVitalsReason: string | null;
  earliestDischargeAt: number | null;
  /** How the earliest discharge is counted, e.g. "30 min after administration ends". */
  dischargeRule: string | null;
}

const MINUTE = 60_000;

function parsed(at: string | undefined | null): number | null {
  if (!at) return null;
  const t = Date.parse(at);
  return Number.isFinite(t) ? t : null;
}

/** The timers' moments for `session` under `protocol` (null until the protocol has loaded: no interval known). */
export function sessionClock(session: SessionDetail, protocol: Protocol | null): SessionClock {
  const start = session.events.find((e) => e.kind === 'administration-start');
  const stop = session.events.find((e) => e.kind === 'administration-stop');
  const dosingStartedAt = parsed(start?.at);
  const infused = protocol ? protocol.duration !== null : true;
  // An infusion ends when its stop is recorded; a bolus, devices or a lozenge end when dosing is recorded.
  const dosingEndedAt = parsed(stop?.at) ?? (infused ? null : dosingStartedAt);
  const phase: SessionPhase =
    dosingStartedAt === null ? 'before-dosing' : dosingEndedAt === null ? 'dosing' : 'after-dosing';
  const startedAt = parsed(session.startedAt) ?? Date.now();
  const readings = session.events
    .filter((e) => e.kind === 'vitals')
    .map((e) => parsed(typeof e.data.takenAt === 'string' ? e.data.takenAt : e.at) ?? startedAt);
  const lastReadingAt = Math.max(parsed(session.baseline.takenAt) ?? startedAt, ...readings);

  let nextVitalsAt: number | null = null;
  let nextVitalsReason: string | null = null;
  let earliestDischargeAt: number | null = null;
  let dischargeRule: string | null = null;
  if (protocol) {
    const { vitalsDuringEvery: during, vitalsAfterEvery: after } = protocol.monitoring;
    const every = phase === 'after-dosing' ? (after ?? during) : (during ?? after);
    if (every) {
      nextVitalsAt = lastReadingAt + every.value * MINUTE;
      nextVitalsReason = `every ${every.value} min${phase === 'after-dosing' ? ' after dosing' : ''}`;
    }
    if (dosingStartedAt !== null) {
      const postDose = session.events
        .filter((e) => e.kind === 'vitals' && e.data.baseline !== true)
        .map((e) => readStoredVitals({ kind: e.kind, at: new Date(e.at), data: e.data }));
      // A check still without its reading, unless a later reading shows its window has passed (then missed).
      const open = bpCheckpointsDue(protocol, new Date(dosingStartedAt)).find(
        (due) => readingForCheckpoint(due, postDose) === null && due.closesAt.getTime() > lastReadingAt,
      );
      const dueAt = open?.dueAt.getTime();
      if (open && dueAt !== undefined && (nextVitalsAt === null || dueAt < nextVitalsAt)) {
        nextVitalsAt = dueAt;
        nextVitalsReason = `the ${open.checkpoint.value}-minute BP check`;
      }
    }
    const { minimum, from } = protocol.discharge.observation;
    const counted = from === 'dosing-start' ? dosingStartedAt : dosingEndedAt;
    earliestDischargeAt = counted === null ? null : counted + minimum.value * MINUTE;
    const event =
      from === 'dosing-start' ? 'dosing starts' : infused ? 'the infusion ends' : 'administration ends';
    dischargeRule = `${minimum.value} min after ${event}`;
  }
  return {
    phase,
    startedAt,
    dosingStartedAt,
    dosingEndedAt,
    lastReadingAt,
    nextVitalsAt,
    nextVitalsReason,
    earliestDischargeAt,
    dischargeRule,
  };
}

/** "4:05" or "1:02:03" for a span of milliseconds (never negative). */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** True when a vitals reading is due at `now` (its time reached and no reading since). */
export function vitalsDue(clock: SessionClock, now: number): boolean {
  return clock.nextVitalsAt !== null && now >= clock.nextVitalsAt;
}
