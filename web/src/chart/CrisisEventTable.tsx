// CrisisEventTable: a patient's crisis events, latest first; retracted ones stay, struck through, with the reason.
import { useState } from 'react';
import { DataTable } from '../ui/DataTable.tsx';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { labelOf, type CrisisEventView, type OutcomeEventKinds } from './outcome-record-types.ts';
import { RetractCrisisEventForm } from './RetractCrisisEventForm.tsx';

interface CrisisEventTableProps {
  events: readonly CrisisEventView[];
  kinds: OutcomeEventKinds['crisisKinds'];
  canWrite: boolean;
  onChanged: () => void;
}

const HEADERS = [{ header: 'Occurred' }, { header: 'Event' }, { header: 'Recorded' }];

/** Occurred, Event (with note), Recorded by and, for events not yet retracted, "Retract". */
export function CrisisEventTable({ events, kinds, canWrite, onChanged }: CrisisEventTableProps) {
  return (
    <DataTable
      columns={canWrite ? [...HEADERS, { header: 'Actions' }] : HEADERS}
      rows={events}
      rowKey={(e) => e.id}
      caption="Crisis events"
      captionHidden
      className="data-table compact"
      row={(e) => (
        <CrisisEventRow event={e} kind={labelOf(kinds, e.kind)} canWrite={canWrite} onChanged={onChanged} />
      )}
    />
  );
}

interface CrisisEventRowProps {
  event: CrisisEventView;
  kind: string;
  canWrite: boolean;
  onChanged: () => void;
}

// A retracted event is never hidden: the measure stops counting it, but the record shows what was said and why
// it was withdrawn.
function CrisisEventRow({ event, kind, canWrite, onChanged }: CrisisEventRowProps) {
  const [retracting, setRetracting] = useState(false);
  const retraction = event.retraction;
  const struck = (text: string) => (retraction ? <del>{text}</del> : text);
  const when = formatDate(event.occurredOn);
  return (
    <tr className={retraction ? 'row-muted' : undefined}>
      <td className="nowrap">{struck(when)}</td>
      <td>
        {struck(kind)}
        {event.note ? <p className="hint">{struck(event.note)}</p> : null}
        {retraction ? (
          <p>
            <span className="badge">Retracted</span> {retraction.reason}{' '}
            <span className="muted">({formatDateTime(retraction.recordedAt)})</span>
          </p>
        ) : null}
      </td>
      <td>
        {event.recordedBy.displayName}, {formatDateTime(event.recordedAt)}
      </td>
      {canWrite ? (
        <td>
          {retraction ? null : retracting ? (
            <RetractCrisisEventForm
              eventId={event.id}
              label={`Retract the crisis event of ${when}`}
              onDone={() => {
                setRetracting(false);
                onChanged();
              }}
              onBack={() => setRetracting(false)}
            />
          ) : (
            <button
              type="button"
              className="button-small button-secondary"
              aria-label={`Retract the crisis event of ${when}`}
              onClick={() => setRetracting(true)}
            >
              Retract
            </button>
          )}
        </td>
      ) : null}
    </tr>
  );
}
