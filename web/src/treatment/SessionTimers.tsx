// SessionTimers: time since the session started, the next vitals due and the earliest discharge, ticking each
// second on one interval. The ticking values are not announced (aria-live off); a polite announcement is made only
// when a vitals check becomes due.
import { useEffect, useMemo, useState } from 'react';
import { formatTime } from '../ui/format.ts';
import { clockText, sessionClock, vitalsDue } from './session-timers.ts';
import type { Protocol, SessionDetail } from './treatment-types.ts';

interface SessionTimersProps {
  session: SessionDetail;
  protocol: Protocol | null;
}

/** The current time, refreshed once a second by a single interval while the component is shown. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      window.clearInterval(id);
    };
  }, []);
  return now;
}

const at = (t: number) => formatTime(new Date(t).toISOString());

/** A compact row of three timers; "Vitals due now" stands out and is announced once when it falls due. */
export function SessionTimers({ session, protocol }: SessionTimersProps) {
  const now = useNow();
  const clock = useMemo(() => sessionClock(session, protocol), [session, protocol]);
  const due = vitalsDue(clock, now);
  const dischargeOpen = clock.earliestDischargeAt !== null && now >= clock.earliestDischargeAt;
  return (
    <div className="session-timers">
      <dl className="timer-list" aria-live="off">
        <div className="timer">
          <dt>Since start</dt>
          <dd>
            <span className="timer-value">{clockText(now - clock.startedAt)}</span>
          </dd>
        </div>
        <div className={`timer${due ? ' timer-due' : ''}`}>
          <dt>Next vitals</dt>
          <dd>
            {clock.nextVitalsAt === null ? (
              <span className="timer-note">
                {protocol ? 'No fixed interval in this protocol' : 'Loading the protocol…'}
              </span>
            ) : (
              <>
                <span className="timer-value">
                  {due
                    ? `Due now (${clockText(now - clock.nextVitalsAt)} over)`
                    : `in ${clockText(clock.nextVitalsAt - now)}`}
                </span>
                <span className="timer-note">
                  {' '}
                  at {at(clock.nextVitalsAt)} · {clock.nextVitalsReason}
                </span>
              </>
            )}
          </dd>
        </div>
        <div className={`timer${dischargeOpen ? ' timer-open' : ''}`}>
          <dt>Earliest discharge</dt>
          <dd>
            {clock.earliestDischargeAt === null ? (
              <span className="timer-note">{clock.dischargeRule ?? 'Loading the protocol…'}</span>
            ) : (
              <>
                <span className="timer-value">
                  {dischargeOpen ? 'Time reached' : `in ${clockText(clock.earliestDischargeAt - now)}`}
                </span>
                <span className="timer-note">
                  {' '}
                  at {at(clock.earliestDischargeAt)}, if the other rules are met
                </span>
              </>
            )}
          </dd>
        </div>
      </dl>
      {/* Changes only when a check falls due or is recorded: a polite announcement, never every second. */}
      <p role="status" className="visually-hidden">
        {due ? `Vitals check due now: ${clock.nextVitalsReason ?? 'record a reading'}.` : ''}
      </p>
    </div>
  );
}
