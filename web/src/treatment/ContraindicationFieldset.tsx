// ContraindicationFieldset: one contraindication: "Present", "Absent" or "Unknown", and, for Present or Unknown,
// the prescriber's clinical judgement (an Absent answer needs none: journey review 2026-12 item 10).
import { sourceText } from '../../../src/domain/core/source-text.ts';
import { useId } from 'react';
import type { Contraindication } from '../../../src/domain/treatment/index.ts';
import {
  needsJudgement,
  type ContraindicationStatus,
} from '../../../src/domain/treatment/eligibility-answers.ts';
import { Field } from '../ui/Field.tsx';
import type { ContraindicationAnswer } from './eligibility-draft.ts';

interface ContraindicationFieldsetProps {
  item: Contraindication;
  answer: ContraindicationAnswer;
  onAnswer: (answer: ContraindicationAnswer) => void;
  presentError: string | undefined;
  judgementError: string | undefined;
}

const STATUSES: readonly (readonly [ContraindicationStatus, string])[] = [
  ['present', 'Present'],
  ['absent', 'Absent'],
  ['unknown', 'Unknown'],
];

/** A fieldset named by the contraindication's label; its severity and source sit under the legend. */
export function ContraindicationFieldset({
  item,
  answer,
  onAnswer,
  presentError,
  judgementError,
}: ContraindicationFieldsetProps) {
  const name = useId();
  const status = answer.status ?? null;
  const asked = status !== null && needsJudgement(status);
  return (
    <fieldset
      className={`contraindication${status === 'present' ? ' contraindication-present' : ''}${presentError || (asked && judgementError) ? ' field-invalid' : ''}`}
    >
      <legend>{item.label}</legend>
      <p className="hint">
        {item.severity === 'contraindicated' ? 'Contraindicated' : 'Caution'} · Source:{' '}
        {sourceText(item.source)}
      </p>
      {presentError ? <p className="field-error">{presentError}</p> : null}
      <div className="radio-row">
        {STATUSES.map(([value, label]) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name={name}
              checked={status === value}
              onChange={() => {
                onAnswer({ ...answer, status: value });
              }}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
      {asked ? (
        <Field
          label="Clinical judgement"
          required
          maxLength={1000}
          hint={
            status === 'present' ? 'Why treatment can or cannot go ahead' : 'What is not known, and the plan'
          }
          value={answer.judgement}
          onValue={(judgement) => {
            onAnswer({ ...answer, judgement });
          }}
          error={judgementError}
        />
      ) : null}
    </fieldset>
  );
}
