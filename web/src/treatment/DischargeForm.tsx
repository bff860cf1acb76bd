// DischargeForm: "Discharge": the checks at the bedside; a refusal lists every unmet rule and the earliest time.
import { useEffect, useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { Checkbox } from '../ui/Checkbox.tsx';
import { Field } from '../ui/Field.tsx';
import { formatDateTime } from '../ui/format.ts';
import { FormProblem } from '../ui/FormProblem.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { RuleList } from './RuleList.tsx';
import { ruleItems } from './treatment-input.ts';
import type { DischargeBody, Discharged, Protocol, SessionDetail } from './treatment-types.ts';

interface DischargeFormProps {
  session: SessionDetail;
  protocol: Protocol | null;
  onDischarged: (result: Discharged) => void;
}

/** "Alert and oriented", "Responsible adult escort present", "Effects resolved (esketamine)", "Discharge patient". */
export function DischargeForm({ session, protocol, onDischarged }: DischargeFormProps) {
  const form = useFormSubmit();
  const [alertAndOriented, setAlertAndOriented] = useState(false);
  const [escortPresent, setEscortPresent] = useState(false);
  const [effectsResolved, setEffectsResolved] = useState(false);
  const [bpMissedReason, setBpMissedReason] = useState('');
  const unmet = ruleItems(form.problem, 'unmet');
  // Asked only once discharge was refused for a missing fixed BP check, or when a reason is already typed.
  const askBpReason = unmet.some((u) => u.code === 'bp-checkpoint-missing') || bpMissedReason !== '';
  const earliest = form.problem?.body.earliestDischargeAt;
  // A refusal is about the session as it was: once anything new is recorded it no longer holds.
  const { reset } = form;
  const recorded = session.events.length;
  useEffect(() => {
    reset();
  }, [recorded, reset]);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    void form.submit(async () => {
      const body: DischargeBody = {
        alertAndOriented,
        escortPresent,
        effectsResolved,
        // The clinic's offset, so "the next day" (esketamine) is the patient's next day, not UTC's.
        utcOffsetMinutes: -new Date().getTimezoneOffset(),
        ...(bpMissedReason.trim() !== '' ? { bpCheckpointMissedReason: bpMissedReason.trim() } : {}),
      };
      onDischarged(
        await api.post<Discharged>(`/treatment-sessions/${encodeURIComponent(session.id)}/discharge`, body),
      );
    });
  };

  return (
    <section className="session-part" aria-labelledby={`discharge-${session.id}`}>
      <h5 id={`discharge-${session.id}`}>Discharge</h5>
      {protocol ? (
        <p className="hint">
          At least {protocol.discharge.observation.minimum.value} min after{' '}
          {protocol.discharge.observation.from === 'dosing-start' ? 'dosing starts' : 'administration ends'},
          with vitals within {protocol.discharge.vitalsTolerance.value}% of baseline, clear of every urgent
          alert threshold, and SpO2 at least {protocol.discharge.spo2Min.value}%
          {protocol.duration !== null ? '; the end of the infusion must be recorded' : ''}
          {protocol.monitoring.bpCheckpoints
            .map((c) => `; the ${c.value}-minute BP must be recorded in its window`)
            .join('')}
          .
        </p>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="stack" aria-label="Discharge">
        {unmet.length > 0 ? (
          <div role="alert" className="form-problem">
            <p className="form-problem-title">Not ready for discharge:</p>
            <RuleList items={unmet} label="Unmet discharge rules" />
            {typeof earliest === 'string' ? <p>Earliest discharge at {formatDateTime(earliest)}.</p> : null}
          </div>
        ) : (
          <FormProblem problem={form.problem} />
        )}
        <div className="checkbox-group">
          <Checkbox label="Alert and oriented" checked={alertAndOriented} onChecked={setAlertAndOriented} />
          <Checkbox
            label="Responsible adult escort present"
            checked={escortPresent}
            onChecked={setEscortPresent}
          />
          <Checkbox
            label="Effects resolved (esketamine)"
            checked={effectsResolved}
            onChecked={setEffectsResolved}
          />
        </div>
        {askBpReason ? (
          <Field
            label="Why the 40-minute BP was not taken in its window"
            hint="Better: record a reading taken in the window. A reason is kept in the discharge summary."
            value={bpMissedReason}
            onValue={setBpMissedReason}
            maxLength={1000}
            multiline
          />
        ) : null}
        <div className="actions">
          <button type="submit" disabled={form.busy}>
            Discharge patient
          </button>
        </div>
      </form>
    </section>
  );
}
