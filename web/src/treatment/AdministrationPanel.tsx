// AdministrationPanel: the administration record: start (product, lot, dose), rate changes, stop with the amount
// given against the plan, and the witnessed waste still due when less was given than was drawn from stock.
import { Link } from 'react-router';
import { formatDateTime, formatTime } from '../ui/format.ts';
import { AdministrationEventForm } from './AdministrationEventForm.tsx';
import { PartHeading, type PartLevel } from './PartHeading.tsx';
import { StartAdministrationForm } from './StartAdministrationForm.tsx';
import type { AdministrationData, SessionDetail, SessionEvent } from './treatment-types.ts';

interface AdministrationPanelProps {
  session: SessionDetail;
  canWrite: boolean;
  onChanged: () => void;
  level?: PartLevel;
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

/** What a stop stores besides the request's fields (see the server's administration record). */
interface StopRecord {
  givenMg?: number | null;
  plannedMg?: number | null;
  startedMg?: number | null;
  leftOverMg?: number | null;
  wasteDue?: { mg: number; productId: string; locationId: string } | null;
}

/** " 20 mg given of 34 mg drawn (planned 34 mg)" for a stop, or "" for one recorded without amounts. */
function givenText(stop: StopRecord): string {
  if (typeof stop.givenMg !== 'number') return '';
  const started = typeof stop.startedMg === 'number' ? stop.startedMg : null;
  const planned = typeof stop.plannedMg === 'number' ? stop.plannedMg : null;
  const of = started !== null ? ` of ${String(started)} mg started` : '';
  const plan = planned !== null && planned !== started ? ` (planned ${String(planned)} mg)` : '';
  return `: ${String(stop.givenMg)} mg given${of}${plan}`;
}

/** The prompt to record the witnessed waste of what was drawn from stock and not given. */
function WastePrompt({ waste }: { waste: NonNullable<StopRecord['wasteDue']> }) {
  const to = `/cd-register/${encodeURIComponent(waste.productId)}/${encodeURIComponent(waste.locationId)}?waste=${String(waste.mg)}#cd-waste`;
  return (
    <div className="notice notice-warning" role="status">
      <p>
        {String(waste.mg)} mg drawn from stock was not given. The register entry now reads the amount given;
        record the witnessed waste of the rest.
      </p>
      <p>
        <Link to={to}>Record the waste of {String(waste.mg)} mg</Link>
      </p>
    </div>
  );
}

/** "Administration" (h5): the start form, then the record with "Change rate" and "Stop administration". */
export function AdministrationPanel({ session, canWrite, onChanged, level = 5 }: AdministrationPanelProps) {
  const events = session.events.filter(isAdministration);
  const start = events.find((e) => e.kind === 'administration-start');
  const stop = events.find((e) => e.kind === 'administration-stop');
  const minutes = start && stop ? Math.round((Date.parse(stop.at) - Date.parse(start.at)) / 60_000) : null;
  return (
    <section className="session-part" aria-labelledby={`admin-${session.id}`}>
      <PartHeading level={level} id={`admin-${session.id}`}>
        Administration
      </PartHeading>
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
              {minutes !== null ? ` (ran ${minutes} min)` : ''}
              {givenText(stop.data)}.
            </li>
          ) : null}
        </ul>
      ) : null}
      {stop && (stop.data as StopRecord).wasteDue ? (
        <WastePrompt waste={(stop.data as StopRecord).wasteDue as NonNullable<StopRecord['wasteDue']>} />
      ) : null}
      {start && !stop && canWrite ? (
        <div className="administration-actions">
          <AdministrationEventForm sessionId={session.id} event="rate-change" onDone={onChanged} />
          <AdministrationEventForm
            sessionId={session.id}
            event="stop"
            startedMg={typeof start.data.doseMg === 'number' ? start.data.doseMg : null}
            fromStock={Boolean(start.data.cdStock)}
            onDone={onChanged}
          />
        </div>
      ) : null}
    </section>
  );
}
