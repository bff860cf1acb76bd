// EligibilityFlagsView: what a signed decision flagged: the patient's medications to review, contraindications present.
import { contraindications } from '../../../src/domain/treatment/contraindications.ts';
import { interactionMatcherLimitation } from '../../../src/domain/treatment/interactions.ts';
import { RuleList } from './RuleList.tsx';
import type { EligibilityFlags } from './treatment-types.ts';

const labelOf = (code: string) => contraindications.find((c) => c.code === code)?.label ?? code;

/** Interaction flags and contraindication flags, each with its source; says so when there are none. */
export function EligibilityFlagsView({ flags }: { flags: EligibilityFlags }) {
  const { interactions, contraindications: check } = flags;
  const none =
    interactions.length === 0 &&
    check.flags.length === 0 &&
    check.otherRoutesOnly.length === 0 &&
    check.unknown.length === 0;
  // The name matcher is not exhaustive: "nothing flagged" must never read as "no interaction".
  const limitation = <p className="hint">{interactionMatcherLimitation}</p>;
  if (none)
    return (
      <div className="eligibility-flags">
        <p>No medication interactions or contraindications flagged.</p>
        {limitation}
      </div>
    );
  return (
    <div className="eligibility-flags">
      {interactions.length > 0 ? (
        <>
          <p className="flag-heading">Medication interactions to review</p>
          <RuleList
            label="Medication interactions"
            items={interactions.map((f) => ({
              code: `${f.classId}-${f.medication}`,
              text: `${f.medication} (${f.classLabel}): ${f.text}`,
              source: f.source,
            }))}
          />
        </>
      ) : null}
      {limitation}
      {check.flags.length > 0 ? (
        <>
          <p className="flag-heading">Contraindications and cautions</p>
          <RuleList
            label="Contraindications and cautions"
            items={check.flags.map((f) => ({
              code: f.code,
              text: `${f.label}: ${f.severity === 'contraindicated' ? 'contraindicated' : 'use with caution'}.`,
              source: f.source,
            }))}
          />
        </>
      ) : null}
      {check.otherRoutesOnly.length > 0 ? (
        <p className="hint">
          Marked present, but cited for other routes only: {check.otherRoutesOnly.map(labelOf).join(', ')}.
        </p>
      ) : null}
      {check.unknown.length > 0 ? (
        <p className="hint">Not on the list, for the prescriber to judge: {check.unknown.join(', ')}.</p>
      ) : null}
    </div>
  );
}
