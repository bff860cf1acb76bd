// ContraindicationFieldset: one contraindication: "Present" or "Absent", and the prescriber's clinical judgement.
import { useId } from 'react';
import type { Contraindication } from '../../../src/domain/treatment/index.ts';
import { Field } from '../ui/Field.tsx';
import type { ContraindicationAnswer } from './eligibility-draft.ts';

interface ContraindicationFieldsetProps {
  item: Contraindication;
  answer: ContraindicationAnswer;
  onAnswer: (answer: ContraindicationAnswer) => void;
  presentError: string | undefined;
  judgementError: string | undefined;
}

/** A fieldset named by the contraindication's label; its severity and source sit under the legend. */
export function ContraindicationFieldset({
  item,
  answer,
  onAnswer,
  presentError,
  judgementError,
}: ContraindicationFieldsetProps) {
  const name = useId();
  return (
    <fieldset
      className={`contraindication${answer.present === true ? ' contraindication-present' : ''}${presentError || judgementError ? ' field-invalid' : ''}`}
    >
      <legend>{item.label}</legend>
      <p className="hint">
        {item.severity === 'contraindicated' ? 'Contraindicated' : 'Caution'} · Source: {item.source}
      </p>
      {presentError ? <p className="field-error">{presentError}</p> : null}
      <div className="radio-row">
        {(
          [
            [true, 'Present'],
            [false, 'Absent'],
          ] as const
        ).map(([present, label]) => (
          <label key={label} className="radio">
            <input
              type="radio"
              name={name}
              checked={answer.present === present}
              onChange={() => {
                onAnswer({ ...answer, present });
              }}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
      <Field
        label="Clinical judgement"
        required
        maxLength={1000}
        value={answer.judgement}
        onValue={(judgement) => {
          onAnswer({ ...answer, judgement });
        }}
        error={judgementError}
      />
    </fieldset>
  );
}
