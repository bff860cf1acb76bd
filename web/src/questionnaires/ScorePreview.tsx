// ScorePreview: the running score, band or missing items, and any flags, announced politely as answers change.
import type { ScorePreview as Preview } from './use-score-preview.ts';
import { scoreText } from './result-text.ts';

/** "Score 18 — Moderately severe" or "Incomplete: items 3, 4 missing", with the flags below. */
export function ScorePreview({ preview }: { preview: Preview }) {
  const { result, error, pending } = preview;
  let line: string;
  if (error) line = `Preview unavailable: ${error.detail ?? error.title}`;
  else if (result) line = scoreText(result);
  else line = pending ? 'Scoring…' : 'Answer the items to see the score.';
  return (
    <div className="score-preview" aria-live="polite" aria-atomic="true">
      <p className="score-preview-line">
        <span className="label">Preview:</span> {line}
        {pending && result ? <span className="muted"> (updating…)</span> : null}
      </p>
      {result && result.flags.length > 0 ? (
        <ul className="flag-list" aria-label="Flags">
          {result.flags.map((f) => (
            <li key={`${f.code}-${f.item ?? ''}`} className={`flag flag-${f.severity}`}>
              <span className="flag-severity">
                {f.severity === 'urgent' ? 'Urgent' : f.severity === 'warning' ? 'Warning' : 'Note'}:
              </span>{' '}
              {f.text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
