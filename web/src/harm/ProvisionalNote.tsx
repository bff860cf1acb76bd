// ProvisionalNote: "Provisional — missing: …" when rules above the proposed level lacked data to decide.
import { fieldLabel } from './harm-labels.ts';
import type { HarmEvaluation } from './harm-types.ts';

/** Nothing when the proposal is complete; otherwise which inputs are missing and how high they could take it. */
export function ProvisionalNote({
  evaluation,
}: {
  evaluation: Pick<HarmEvaluation, 'provisional' | 'missingInputs' | 'couldRaiseTo'>;
}) {
  // Evaluations stored before 2.0.0 arrive with these fields filled in by the API (withProvisional).
  if (!evaluation.provisional) return null;
  return (
    <p className="notice notice-warning proposal-provisional">
      <strong>Provisional — missing: {evaluation.missingInputs.map(fieldLabel).join(', ')}.</strong>{' '}
      {evaluation.couldRaiseTo === null
        ? null
        : `Recording them could raise the level to ${evaluation.couldRaiseTo}.`}
    </p>
  );
}
