// TimelinePanel: everything that happened to the patient, oldest first: when, what and who.
import type { TimelineEvent } from '../../../src/schemas/patient.ts';
import { useApiData } from '../api/use-api-data.ts';
import { Notice } from '../ui/Notice.tsx';
import { formatDateTime } from '../ui/format.ts';

/** The "Timeline" tab. */
export function TimelinePanel({ patientId }: { patientId: string }) {
  const timeline = useApiData<{ events: TimelineEvent[] }>(`/patients/${patientId}/timeline`);
  if (timeline.loading) return <p role="status">Loading the timeline…</p>;
  if (timeline.error) return <Notice kind="error">{timeline.error.detail ?? timeline.error.title}</Notice>;
  const events = timeline.data?.events ?? [];
  return (
    <>
      <h2>Timeline</h2>
      {events.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.id} className={`timeline-event timeline-${e.kind}`}>
              <time dateTime={e.occurredAt} className="timeline-when">
                {formatDateTime(e.occurredAt)}
              </time>
              <span className="timeline-summary">{e.summary}</span>
              <span className="timeline-who">{e.actor ? e.actor.displayName : 'System'}</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
