// DosePreview: the live dose beside the start-session form: the dose, volume and pump rate, rounding and warnings.
import { deliveryLine, doseLine } from './dose-text.ts';
import { RuleList } from './RuleList.tsx';
import type { DosePreview as Preview } from './use-dose-preview.ts';

/** Announced politely as the dose changes; a refusal shows the rule's own words and numbers. */
export function DosePreview({ preview }: { preview: Preview }) {
  const { result, error, pending } = preview;
  let line: string;
  if (error)
    line =
      error.status === 422
        ? `Not allowed: ${error.detail ?? error.title}`
        : `Preview unavailable: ${error.detail ?? error.title}`;
  else if (result) line = doseLine(result);
  else line = pending ? 'Calculating…' : 'Enter the dose to see the calculation.';
  const delivery = result ? deliveryLine(result) : null;
  return (
    <div className={`dose-preview${error?.status === 422 ? ' dose-preview-refused' : ''}`}>
      <div aria-live="polite" aria-atomic="true">
        <p className="dose-preview-line">
          {line}
          {pending && result ? <span className="muted"> (updating…)</span> : null}
        </p>
        {delivery ? <p className="dose-preview-delivery">{delivery}</p> : null}
      </div>
      {result ? <p className="hint">{result.rounding}</p> : null}
      {result && result.warnings.length > 0 ? (
        <RuleList items={result.warnings} label="Dose warnings" />
      ) : null}
    </div>
  );
}
