// AdministrationPanel: the administration record: start (product, lot, dose), rate changes and stop.
import { formatDateTime, formatTime } from '../ui/format.ts';
import { AdministrationEventForm } from './AdministrationEventForm.tsx';
import { StartAdministrationForm } from './StartAdministrationForm.tsx';
import type { AdministrationData, SessionDetail, SessionEvent } from './treatment-types.ts';

interface AdministrationPanelProps {
  session: SessionDetail;
  canWrite: boolean;
  onChanged: () => void;
}

type AdministrationEvent = Extract<SessionEvent, { data: AdministrationData }>;

function isAdministration(e: SessionEvent): e is AdministrationEvent {
  return e.kind.startsWith('administration-');
}

/** "Started 14:05: 35 mg of Ketamine 10 mg/mL, lot A1, expiry 01 Jan 2027, at 52.5 mg/h". */
function startText(e: AdministrationEvent): string {
  const d = e.data;
  const given = [d.doseMg !== null ? `${d.doseMg} mg` : null, d.product ? `of ${d.product}` : null]
    .filter(Boolean)
    .join(' ');
  const parts = [
    given || null,
    d.concentrationMgPerMl !== null ? `${d.concentrationMgPerMl} mg/mL` : null,
    d.lot ? `lot ${d.lot}` : null,
    d.expiry ? `expiry ${d.expiry}` : null,
    d.rateMgPerHour !== null ? `at ${d.rateMgPerHour} mg/h` : null,
  ].filter(Boolean);
  return `Started ${formatDateTime(e.at)}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

/** "Administration" (h5): the start form, then the record with "Change rate" and "Stop administration". */
export function AdministrationPanel({ session, canWrite, onChanged }: AdministrationPanelProps) {
  const events = session.events.filter(isAdministration);
  const start = events.find((e) => e.kind === 'administration-start');
  const stop = events.find((e) => e.kind === 'administration-stop');
  const minutes = start && stop ? Math.round((Date.parse(stop.at) - Date.parse(start.at)) / 60_000) : null;
  return (
    <section className="session-part" aria-labelledby={`admin-${session.id}`}>
      <h5 id={`admin-${session.id}`}>Administration</h5>
      {!start && canWrite ? <StartAdministrationForm session={session} onDone={onChanged} /> : null}
      {!start && !canWrite ? <p>Administration has not started.</p> : null}
      {start ? (
        <ul className="plain-list" aria-label="Administration record">
          <li>{startText(start)}.</li>
          {events
            .filter((e) => e.kind === 'administration-rate-change')
            .map((e) => (
              <li key={e.id}>
                Rate changed at {formatTime(e.at)}
                {e.data.rateMgPerHour !== null ? ` to ${e.data.rateMgPerHour} mg/h` : ''}.
              </li>
            ))}
          {stop ? (
            <li>
              Stopped {formatDateTime(stop.at)}
              {minutes !== null ? ` (ran ${minutes} min)` : ''}.
            </li>
          ) : null}
        </ul>
      ) : null}
      {start && !stop && canWrite ? (
        <div className="administration-actions">
          <AdministrationEventForm sessionId={session.id} event="rate-change" onDone={onChanged} />
          <AdministrationEventForm sessionId={session.id} event="stop" onDone={onChanged} />
        </div>
      ) : null}
    </section>
  );
}
