// ConfirmationBoxes: what the team confirms before dosing; the server's gates decide which the protocol needs.
import { Checkbox } from '../ui/Checkbox.tsx';
import { preDoseLimit } from './protocol-hints.ts';
import type { StartConfirmation, StartDraft } from './start-session-draft.ts';
import type { Protocol } from './treatment-types.ts';

interface ConfirmationBoxesProps {
  protocol: Protocol | null;
  draft: StartDraft;
  onChange: (patch: Partial<StartDraft>) => void;
}

/** A fieldset "Before dosing" with every confirmation; a missing one is listed when the start is blocked. */
export function ConfirmationBoxes({ protocol, draft, onChange }: ConfirmationBoxesProps) {
  const boxes: readonly [StartConfirmation, string][] = [
    ['escortConfirmed', 'Escort confirmed'],
    ['fastingConfirmed', 'Fasting confirmed'],
    ['newContraindication', 'New contraindication since screening'],
    ['acls', 'ACLS-certified clinician present (me)'],
    ['prescriberAcknowledgedHighBp', `Prescriber acknowledges BP above ${preDoseLimit(protocol)}`],
    ['chaperonePresent', 'Chaperone present'],
    ['prescriberOnSite', 'Prescriber on site'],
    ['remsPatientEnrolled', 'Patient enrolled in REMS'],
    ['firstSession', 'First session of the course'],
  ];
  return (
    <fieldset className="form-section">
      <legend>Before dosing</legend>
      {protocol ? <p className="hint">Fasting: {protocol.preparation.fasting.instructions}</p> : null}
      <div className="checkbox-group checkbox-columns">
        {boxes.map(([key, label]) => (
          <Checkbox
            key={key}
            label={label}
            checked={draft.confirmed[key]}
            onChecked={(on) => {
              onChange({ confirmed: { ...draft.confirmed, [key]: on } });
            }}
          />
        ))}
      </div>
    </fieldset>
  );
}
