// SourceNote: where a rule, alert or default comes from, in words a clinician reads (no research tags or file names).
import { sourceText } from '../../../src/domain/core/source-text.ts';

/** A small "Source: …" line; the stored source string keeps its notation, only what is shown is rewritten. */
export function SourceNote({ source }: { source: string }) {
  return <small className="rule-source">Source: {sourceText(source)}</small>;
}
