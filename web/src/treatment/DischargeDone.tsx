// DischargeDone: the discharge just recorded: no driving before when, the rule behind it, what to do if unwell.
import { formatDateTime } from '../ui/format.ts';
import { Notice } from '../ui/Notice.tsx';
import type { Discharged } from './treatment-types.ts';

/** "Discharged. No driving before <date time>.", the rule, "If unwell", and "Discharge summary PDF". */
export function DischargeDone({ result }: { result: Discharged }) {
  return (
    <Notice kind="success">
      <p className="discharge-headline">
        Discharged. No driving before {formatDateTime(result.noDrivingUntil)}.
      </p>
      <p>{result.noDrivingRule}</p>
      <p>
        <span className="label">If unwell:</span> {result.ifUnwell}
      </p>
      <p>
        <a href={result.pdfPath} target="_blank" rel="noreferrer" className="button button-secondary">
          Discharge summary PDF
        </a>
      </p>
    </Notice>
  );
}
