// ProposalPanel: the live proposal beside the assessment form: level, reasons, interventions, review and gaps.
import { ProvisionalNote } from './ProvisionalNote.tsx';
import { ReasonItem, certaintyText } from './ReasonItem.tsx';
import { contentVersionText, redFlagText, ruleText } from './evidence-text.ts';
import { fieldLabel } from './harm-labels.ts';
import type { ContentPack } from './harm-types.ts';
import type { HarmProposal } from './use-harm-proposal.ts';

interface ProposalPanelProps {
  proposal: HarmProposal;
  /** Shown instead of a proposal while too little is entered to evaluate. */
  waiting: string | null;
  /** The pack in force, whose words name domains, settings and rules; null while it loads. */
  pack: ContentPack | null;
}

/** "Proposed level N — label" (announced politely), then why, what to offer and what is missing. */
export function ProposalPanel({ proposal, waiting, pack }: ProposalPanelProps) {
  const { result: evaluation, error, pending } = proposal;
  let line: string;
  if (waiting) line = waiting;
  else if (error) line = `No proposal: ${error.detail ?? error.title}`;
  else if (evaluation) line = `Proposed level ${evaluation.level} — ${evaluation.levelLabel}`;
  else line = 'Working out the proposal…';
  const shown = waiting ? null : evaluation;
  return (
    <aside className="proposal-panel" aria-labelledby="proposal-heading">
      <h4 id="proposal-heading">Proposal</h4>
      <div aria-live="polite" aria-atomic="true">
        <p className={`proposal-level${shown ? ` level-${shown.level}` : ''}`}>
          {line}
          {pending && shown ? <span className="muted"> (updating…)</span> : null}
        </p>
        {shown ? <ProvisionalNote evaluation={shown} /> : null}
      </div>
      {error && !waiting && Object.keys(error.fieldErrors).length > 0 ? (
        <p className="field-error">Check the fields marked in the form.</p>
      ) : null}
      {shown ? (
        <>
          {shown.redFlags.length > 0 ? (
            <p className="proposal-red-flags">
              <strong>Red flags:</strong>{' '}
              {shown.redFlags.map((f) => redFlagText(f, shown.reasons)).join('; ')}
            </p>
          ) : null}
          <h5>Reasons</h5>
          <ul className="reason-list">
            {shown.reasons.map((r) => (
              <ReasonItem key={r.ruleId} reason={r} pack={pack} />
            ))}
          </ul>
          <h5>Interventions</h5>
          <ul className="intervention-list">
            {shown.interventions.map((i) => (
              <li key={i.id}>
                <span className="label">{i.title}</span>{' '}
                <span className="muted">
                  ({certaintyText(i.certainty).toLowerCase()}; from{' '}
                  {i.triggeredBy.map((id) => ruleText(id, shown.reasons, pack)).join('; ')})
                </span>
              </li>
            ))}
          </ul>
          <p className="proposal-review">
            Review within {shown.reviewWithinDays} {shown.reviewWithinDays === 1 ? 'day' : 'days'}
          </p>
          {shown.undecided.length > 0 ? (
            <>
              <h5>Not decided (missing data)</h5>
              <ul className="undecided-list">
                {shown.undecided.map((u) => (
                  <li key={u.ruleId}>
                    {ruleText(u.ruleId, shown.reasons, pack)} (level {u.level}): needs{' '}
                    {u.missing.map(fieldLabel).join(', ')}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="hint">Content: {contentVersionText(shown.contentVersion, pack)}</p>
        </>
      ) : null}
    </aside>
  );
}
