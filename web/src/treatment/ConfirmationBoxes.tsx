// ConfirmationBoxes: what the team confirms before dosing, only the boxes the chosen protocol and setting need.
import type { FieldErrors } from '../api/api-error.ts';
import { Checkbox } from '../ui/Checkbox.tsx';
import { RadioGroup } from '../ui/RadioGroup.tsx';
import { PrescriberSignIn } from './PrescriberSignIn.tsx';
import { preDoseLimit } from './protocol-hints.ts';
import {
  baselineAboveThreshold,
  type NewContraindicationAnswer,
  type StartConfirmation,
  type StartDraft,
} from './start-session-draft.ts';
import type { Protocol } from './treatment-types.ts';

interface ConfirmationBoxesProps {
  protocol: Protocol | null;
  draft: StartDraft;
  onChange: (patch: Partial<StartDraft>) => void;
  /** True when the signed-in user holds `treatment:prescribe`. */
  canPrescribe: boolean;
  errors: FieldErrors;
}

const YES_NO: readonly { value: NewContraindicationAnswer; label: string }[] = [
  { value: 'no', label: 'No' },
  { value: 'yes', label: 'Yes' },
];

/**
 * The confirmations the protocol's gates ask for in this setting, as the server's gates read them
 * (src/domain/treatment/session-gates.ts): escort and ACLS in clinic sessions, a chaperone away from the clinic,
 * fasting, and the esketamine REMS rules (prescriber on site, enrolment) only where the protocol requires them.
 */
export function relevantConfirmations(
  protocol: Protocol,
  setting: StartDraft['setting'],
): readonly [StartConfirmation, string][] {
  const { preparation, staffing, sessions } = protocol;
  const boxes: [StartConfirmation, string][] = [];
  if (preparation.escort.required && setting === 'clinic')
    boxes.push(['escortConfirmed', 'Escort confirmed']);
  if (preparation.fasting.required) boxes.push(['fastingConfirmed', 'Fasting confirmed']);
  if (staffing.aclsClinician.required && setting === 'clinic')
    boxes.push(['acls', 'ACLS-certified clinician present (me)']);
  if (setting !== 'clinic' && sessions.chaperoneAwayFromClinic.required)
    boxes.push(['chaperonePresent', 'Chaperone present']);
  if (staffing.prescriberOnSite.required) boxes.push(['prescriberOnSite', 'Prescriber on site']);
  if (staffing.remsEnrolment.required) boxes.push(['remsPatientEnrolled', 'Patient enrolled in REMS']);
  return boxes;
}

/**
 * A fieldset "Before dosing" with the protocol's confirmations; the new-contraindication question apart as a
 * yes/no question that must be answered; the high-BP acknowledgement only when the baseline is above the
 * threshold, with the prescriber's sign-in when the user is not a prescriber.
 */
export function ConfirmationBoxes({
  protocol,
  draft,
  onChange,
  canPrescribe,
  errors,
}: ConfirmationBoxesProps) {
  const tick = (key: StartConfirmation) => (on: boolean) => {
    onChange({ confirmed: { ...draft.confirmed, [key]: on } });
  };
  const boxes = protocol ? relevantConfirmations(protocol, draft.setting) : [];
  const highBp = protocol !== null && baselineAboveThreshold(draft, protocol);
  const acknowledged = highBp && draft.confirmed.prescriberAcknowledgedHighBp;
  return (
    <fieldset className="form-section">
      <legend>Before dosing</legend>
      {protocol?.preparation.fasting.required ? (
        <p className="hint">Fasting: {protocol.preparation.fasting.instructions}</p>
      ) : null}
      <div className="checkbox-group checkbox-columns">
        {boxes.map(([key, label]) => (
          <Checkbox key={key} label={label} checked={draft.confirmed[key]} onChecked={tick(key)} />
        ))}
      </div>
      <div className={`new-contraindication${errors.newContraindication ? ' field-invalid' : ''}`}>
        <RadioGroup
          legend="Has a new contraindication come to light since screening?"
          name="new-contraindication"
          options={YES_NO}
          value={draft.newContraindication}
          onValue={(newContraindication) => {
            onChange({ newContraindication });
          }}
        />
        {errors.newContraindication ? <p className="field-error">{errors.newContraindication}</p> : null}
        {draft.newContraindication === 'yes' ? (
          <p className="hint">A new contraindication stops the session: review eligibility before dosing.</p>
        ) : null}
      </div>
      {highBp ? (
        <div className="checkbox-group">
          <p className="hint">
            The baseline BP is above {preDoseLimit(protocol)}: a prescriber weighs the risk before dosing.
          </p>
          <Checkbox
            label={`Prescriber acknowledges BP above ${preDoseLimit(protocol)}`}
            checked={draft.confirmed.prescriberAcknowledgedHighBp}
            onChecked={tick('prescriberAcknowledgedHighBp')}
          />
        </div>
      ) : null}
      {acknowledged && !canPrescribe ? (
        <PrescriberSignIn
          purpose="the high-BP acknowledgement"
          email={draft.prescriberEmail}
          password={draft.prescriberPassword}
          onChange={onChange}
          error={errors.prescriber}
        />
      ) : null}
    </fieldset>
  );
}
