// TimelinePanel: everything that happened to the patient, newest first: when, what and who, filtered by kind.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TimelineEvent } from '../../../src/schemas/patient.ts';
import { useApiData } from '../api/use-api-data.ts';
import { CheckboxGroup } from '../ui/CheckboxGroup.tsx';
import { Notice } from '../ui/Notice.tsx';
import { formatDateTime } from '../ui/format.ts';
import { TIMELINE_KIND_LABELS, timelineKindLabel, timelineSummary } from './timeline-words.ts';

const KIND_ORDER = Object.keys(TIMELINE_KIND_LABELS);
const rank = (kind: string) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);

/** The kinds chosen in the address (`?kind=consent,appointment`); none means every kind. */
function chosenKinds(params: URLSearchParams): string[] {
  return (params.get('kind') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

/**
 * The kinds last chosen on each patient's timeline in this page (in memory only), so that the filter is still set
 * when the user comes back to the tab after another one (tab addresses carry no filter).
 */
const lastChosen = new Map<string, string>();

/** The "Timeline" tab. */
export function TimelinePanel({ patientId }: { patientId: string }) {
  const timeline = useApiData<{ events: TimelineEvent[] }>(`/patients/${patientId}/timeline?order=desc`);
  const [params, setParams] = useSearchParams();
  const inAddress = params.get('kind');
  // The boxes follow a click at once; the address (a router navigation, committed a moment later) follows them. A
  // box bound to the address alone would flick back unticked until the navigation lands.
  const [chosen, setChosen] = useState(() => chosenKinds(params));
  const [addressSeen, setAddressSeen] = useState(inAddress);
  if (inAddress !== addressSeen) {
    // A new address (the click's navigation landing, back, a link, the remembered filter put back): it decides.
    setAddressSeen(inAddress);
    setChosen(chosenKinds(params));
  }
  // Back on the tab without a filter in the address: the one chosen last time is put back in it.
  useEffect(() => {
    const remembered = lastChosen.get(patientId);
    if (inAddress === null && remembered) {
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          out.set('kind', remembered);
          return out;
        },
        { replace: true },
      );
    } else if (inAddress !== null) lastChosen.set(patientId, inAddress);
  }, [patientId, inAddress, setParams]);
  if (timeline.loading) return <p role="status">Loading the timeline…</p>;
  if (timeline.error) return <Notice kind="error">{timeline.error.detail ?? timeline.error.title}</Notice>;
  const events = timeline.data?.events ?? [];
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  // A kind named in the address but absent from this chart stays listed, so it can be unticked.
  const kinds = [...new Set([...counts.keys(), ...chosen])].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const shown = chosen.length === 0 ? events : events.filter((e) => chosen.includes(e.kind));
  const choose = (next: string[]) => {
    setChosen(next);
    if (next.length === 0) lastChosen.delete(patientId);
    else lastChosen.set(patientId, next.join(','));
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        if (next.length === 0) out.delete('kind');
        else out.set('kind', next.join(','));
        return out;
      },
      { replace: true },
    );
  };
  return (
    <>
      <h2>Timeline</h2>
      {events.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <>
          <CheckboxGroup
            legend="Show only"
            className="timeline-filter"
            columns
            options={kinds.map((k) => ({
              value: k,
              label: `${timelineKindLabel(k)} (${counts.get(k) ?? 0})`,
            }))}
            values={chosen}
            onValues={choose}
          >
            {chosen.length > 0 ? (
              <button type="button" className="button-secondary" onClick={() => choose([])}>
                Show everything
              </button>
            ) : null}
          </CheckboxGroup>
          <p role="status" className="muted">
            {chosen.length === 0
              ? `${events.length} ${events.length === 1 ? 'entry' : 'entries'}, newest first`
              : `${shown.length} of ${events.length} entries, newest first`}
          </p>
          <ol className="timeline" aria-label="Timeline, newest first">
            {shown.map((e) => (
              <li key={e.id} className={`timeline-event timeline-${e.kind}`}>
                <time dateTime={e.occurredAt} className="timeline-when">
                  {formatDateTime(e.occurredAt)}
                </time>
                <span className="timeline-summary">{timelineSummary(e.kind, e.summary)}</span>
                <span className="timeline-who">{e.actor ? e.actor.displayName : 'System'}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
