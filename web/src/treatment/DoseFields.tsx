// DoseFields: the dose of the start-session form, worded for the protocol (mg/kg or mg), with the live preview.
import type { ReactNode } from 'react';
import type { FieldErrors } from '../api/api-error.ts';
import { Field } from '../ui/Field.tsx';
import { PrescriberSignIn } from './PrescriberSignIn.tsx';
import { doseHint, durationHint } from './protocol-hints.ts';
import { baselineAboveThreshold, type StartDraft } from './start-session-draft.ts';
import type { Protocol } from './treatment-types.ts';

interface DoseFieldsProps {
  protocol: Protocol;
  draft: StartDraft;
  onChange: (patch: Partial<StartDraft>) => void;
  errors: FieldErrors;
  /** True when the signed-in user holds `treatment:prescribe`; otherwise a reason needs the prescriber's sign-in. */
  canPrescribe: boolean;
  /** The live preview, shown under the fields. */
  children: ReactNode;
}

/** "Dose (mg/kg)" or "Dose (mg)", "Duration (minutes)" and "Concentration (mg/mL)" for infusions, the reason. */
export function DoseFields({ protocol, draft, onChange, errors, canPrescribe, children }: DoseFieldsProps) {
  const weightBased = protocol.dose.kind === 'weight-based';
  const duration = durationHint(protocol);
  // Refusals from the calculator name the dose field without the "dose." prefix.
  const at = (key: string) => errors[`dose.${key}`] ?? errors[key];
  // The high-BP acknowledgement shows the same sign-in; one is enough for both decisions.
  const acknowledgingHighBp =
    draft.confirmed.prescriberAcknowledgedHighBp && baselineAboveThreshold(draft, protocol);
  return (
    <fieldset className="form-section">
      <legend>Dose</legend>
      <div className="field-grid">
        <Field
          label={weightBased ? 'Dose (mg/kg)' : 'Dose (mg)'}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          required
          hint={doseHint(protocol)}
          value={draft.dose}
          onValue={(dose) => onChange({ dose })}
          error={weightBased ? at('mgPerKg') : at('doseMg')}
        />
        {duration ? (
          <Field
            label="Duration (minutes)"
            type="number"
            inputMode="decimal"
            min={0}
            hint={duration}
            value={draft.durationMin}
            onValue={(durationMin) => onChange({ durationMin })}
            error={at('durationMin')}
          />
        ) : null}
        {weightBased ? (
          <Field
            label="Concentration (mg/mL)"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            hint="Of the prepared solution: gives the volume and pump rate"
            value={draft.concentration}
            onValue={(concentration) => onChange({ concentration })}
            error={at('concentrationMgPerMl')}
          />
        ) : null}
      </div>
      <Field
        label="Prescriber's reason (for a dose above the usual range)"
        multiline
        maxLength={1000}
        value={draft.reason}
        onValue={(reason) => onChange({ reason })}
        error={at('prescriberReason')}
      />
      {draft.reason.trim() && !canPrescribe && !acknowledgingHighBp ? (
        <PrescriberSignIn
          purpose="the reason for a dose above the usual range"
          email={draft.prescriberEmail}
          password={draft.prescriberPassword}
          onChange={onChange}
          error={errors.prescriber}
        />
      ) : null}
      {children}
    </fieldset>
  );
}
