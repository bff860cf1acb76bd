// SupervisionItemCard: one item for supervision: the patient, what happened, earlier notes, and the note form.
import { Link } from 'react-router';
import type { SupervisionItem } from '../harm/harm-types.ts';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { SupervisionNoteForm } from './SupervisionNoteForm.tsx';

interface SupervisionItemCardProps {
  item: SupervisionItem;
  /** The group's name for one item, e.g. "Override". */
  kindLabel: string;
  onRecorded: (signedOff: boolean) => void;
}

// Reviews carry a due date; decisions an instant.
const whenText = (at: string) => (at.length === 10 ? formatDate(at) : formatDateTime(at));

/** An <article> named by the patient, for finding it by role. */
export function SupervisionItemCard({ item, kindLabel, onRecorded }: SupervisionItemCardProps) {
  const headingId = `sup-${item.kind}-${item.itemId}`;
  return (
    <article className="supervision-item" aria-labelledby={headingId}>
      <h3 id={headingId} className="supervision-patient">
        <Link to={`/patients/${item.patientId}`}>{item.patientName}</Link>
      </h3>
      <p>{item.summary}</p>
      <p className="hint">{whenText(item.at)}</p>
      {item.notes.length > 0 ? (
        <>
          <h4>Earlier notes</h4>
          <ul className="plain-list supervision-notes">
            {item.notes.map((n) => (
              <li key={`${n.at}-${n.by}`}>
                “{n.note}”{' '}
                <span className="muted">
                  — {n.by}, {formatDateTime(n.at)}
                </span>
                {n.signedOff ? <span className="badge badge-ok badge-inline">Signed off</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <SupervisionNoteForm item={item} label={`${kindLabel}: ${item.patientName}`} onRecorded={onRecorded} />
    </article>
  );
}
