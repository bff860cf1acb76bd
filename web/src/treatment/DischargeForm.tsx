// DischargeForm: "Discharge": the checks at the bedside; a refusal lists every unmet rule and the earliest time.
import { useEffect } from 'react';
import { dischargeSchema } from '../../../src/schemas/treatment.ts';
import { api } from '../api/client.ts';
import { Checkbox } from '../ui/Checkbox.tsx';
import { Field } from '../ui/Field.tsx';
import { formatDateTime } from '../ui/format.ts';
import { Form } from '../ui/Form.tsx';
import { useForm } from '../ui/use-form.ts';
import { PartHeading, type PartLevel } from './PartHeading.tsx';
import { RuleList } from './RuleList.tsx';
import { ruleItems } from './treatment-input.ts';
import type { DischargeBody, Discharged, Protocol, SessionDetail } from './treatment-types.ts';

interface DischargeFormProps {
  session: SessionDetail;
  protocol: Protocol | null;
  onDischarged: (result: Discharged) => void;
  level?: PartLevel;
}

type Values = {
  alertAndOriented: boolean;
  escortPresent: boolean;
  effectsResolved: boolean;
  bpMissedReason: string;
};

/** The body of POST /treatment-sessions/:id/discharge. */
const dischargeBody = (v: Values): DischargeBody => ({
  alertAndOriented: v.alertAndOriented,
  escortPresent: v.escortPresent,
  effectsResolved: v.effectsResolved,
  ...(v.bpMissedReason.trim() !== '' ? { bpCheckpointMissedReason: v.bpMissedReason.trim() } : {}),
});

/**
 * The bedside checks the protocol asks for, as the server's discharge rules read them: "Alert and oriented",
 * "Responsible adult escort present" (clinic sessions), "Effects resolved (esketamine)" (only where the protocol
 * requires it), then "Discharge patient". None is shown until the protocol has loaded.
 */
export function DischargeForm({ session, protocol, onDischarged, level = 5 }: DischargeFormProps) {
  const form = useForm(
    dischargeSchema,
    { alertAndOriented: false, escortPresent: false, effectsResolved: false, bpMissedReason: '' },
    { toBody: dischargeBody },
  );
  const { values, set } = form;
  const unmet = ruleItems(form.problem, 'unmet');
  // Asked only once discharge was refused for a missing fixed BP check, or when a reason is already typed.
  const askBpReason = unmet.some((u) => u.code === 'bp-checkpoint-missing') || values.bpMissedReason !== '';
  const earliest = form.problem?.body.earliestDischargeAt;
  // A refusal is about the session as it was: once anything new is recorded it no longer holds.
  const { reset } = form;
  const recorded = session.events.length;
  useEffect(() => {
    reset();
  }, [recorded, reset]);

  const onSubmit = () =>
    void form.send(async (body) => {
      onDischarged(
        await api.post<Discharged>(`/treatment-sessions/${encodeURIComponent(session.id)}/discharge`, body),
      );
    });

  return (
    <section className="session-part" aria-labelledby={`discharge-${session.id}`}>
      <PartHeading level={level} id={`discharge-${session.id}`}>
        Discharge
      </PartHeading>
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
      <Form
        form={form}
        onSubmit={onSubmit}
        submit="Discharge patient"
        label="Discharge"
        problemView={
          unmet.length > 0 ? (
            <div role="alert" className="form-problem">
              <p className="form-problem-title">Not ready for discharge:</p>
              <RuleList items={unmet} label="Unmet discharge rules" />
              {typeof earliest === 'string' ? <p>Earliest discharge at {formatDateTime(earliest)}.</p> : null}
            </div>
          ) : undefined
        }
      >
        {protocol ? (
          <div className="checkbox-group">
            {protocol.discharge.alertAndOriented.required ? (
              <Checkbox
                label="Alert and oriented"
                checked={values.alertAndOriented}
                onChecked={set('alertAndOriented')}
              />
            ) : null}
            {protocol.discharge.escort.required && session.setting === 'clinic' ? (
              <Checkbox
                label="Responsible adult escort present"
                checked={values.escortPresent}
                onChecked={set('escortPresent')}
              />
            ) : null}
            {protocol.discharge.effectsResolved.required ? (
              <Checkbox
                label="Effects resolved (esketamine)"
                checked={values.effectsResolved}
                onChecked={set('effectsResolved')}
              />
            ) : null}
          </div>
        ) : (
          <p role="status">Loading the protocol’s discharge checks…</p>
        )}
        {askBpReason ? (
          <Field
            label="Why the 40-minute BP was not taken in its window"
            hint="Better: record a reading taken in the window. A reason is kept in the discharge summary."
            {...form.field('bpMissedReason')}
            maxLength={1000}
            multiline
          />
        ) : null}
      </Form>
    </section>
  );
}
