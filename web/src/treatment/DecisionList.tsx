// DecisionList: every signed eligibility decision, newest first, with its note and what it flagged.
import { formatDateTime } from '../ui/format.ts';
import { EligibilityFlagsView } from './EligibilityFlagsView.tsx';
import { DECISION_LABELS, routeLabel } from './treatment-labels.ts';
import type { EligibilityEntry } from './treatment-types.ts';

/** "Eligible for IV racemic ketamine, signed by Ada Admin on 02 Mar 2026, 14:05". */
export function decisionLine(d: EligibilityEntry): string {
  return `${DECISION_LABELS[d.decision]} for ${routeLabel(d.route)}, signed by ${d.signedBy} on ${formatDateTime(d.signedAt)}`;
}

/** One item per decision; its flags fold away under "Flags". */
export function DecisionList({ decisions }: { decisions: readonly EligibilityEntry[] }) {
  return (
    <ul className="plain-list" aria-label="Eligibility decisions">
      {decisions.map((d) => (
        <li key={d.id}>
          <span className={`badge ${d.decision === 'eligible' ? 'badge-ok' : 'badge-danger'}`}>
            {DECISION_LABELS[d.decision]}
          </span>{' '}
          {decisionLine(d)}
          {d.note ? <p className="decision-note">Note: {d.note}</p> : null}
          <details className="rule-details">
            <summary>Flags</summary>
            <EligibilityFlagsView flags={d.flags} />
          </details>
        </li>
      ))}
    </ul>
  );
}
