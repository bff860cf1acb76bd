// StartSessionForm: "Start a session": protocol, setting, baseline vitals, dose with a live calculation, the gates.
import { useMemo, useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { useApiData } from '../api/use-api-data.ts';
import { useSession, useSignedIn } from '../session/session-context.ts';
import { FormProblem } from '../ui/FormProblem.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { BaselineFields } from './BaselineFields.tsx';
import { ConfirmationBoxes } from './ConfirmationBoxes.tsx';
import { DoseFields } from './DoseFields.tsx';
import { DosePreview } from './DosePreview.tsx';
import { RuleList } from './RuleList.tsx';
import {
  baselineAboveThreshold,
  emptyStartDraft,
  previewRequest,
  startRequest,
  type StartDraft,
} from './start-session-draft.ts';
import { SETTING_OPTIONS, asSetting } from './treatment-labels.ts';
import { SetupHint } from '../getting-started/SetupHint.tsx';
import { ruleItems } from './treatment-input.ts';
import type { Protocol, ProtocolSummary, StartedSession } from './treatment-types.ts';
import { useDosePreview } from './use-dose-preview.ts';

interface StartSessionFormProps {
  patientId: string;
  protocols: readonly ProtocolSummary[];
  onStarted: (session: StartedSession) => void;
}

/** Every field, the live dose and "Start session"; a blocked start lists every gate with its source. */
export function StartSessionForm({ patientId, protocols, onStarted }: StartSessionFormProps) {
  const { user } = useSignedIn();
  const canPrescribe = useSession().can('treatment:prescribe');
  const form = useFormSubmit();
  const [draft, setDraft] = useState<StartDraft>(() => emptyStartDraft(protocols[0]?.id ?? '', new Date()));
  const protocol = useApiData<Protocol>(
    draft.protocolId ? `/protocols/${encodeURIComponent(draft.protocolId)}` : null,
  );
  const chosen = protocol.data?.id === draft.protocolId ? protocol.data : null;
  const weightBased = chosen?.dose.kind === 'weight-based';
  const request = useMemo(
    () => (chosen ? previewRequest(draft, weightBased, patientId) : null),
    [chosen, draft, weightBased, patientId],
  );
  const preview = useDosePreview(request);
  const blocks = ruleItems(form.problem, 'blocks');

  const change = (patch: Partial<StartDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
  };
  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const highBp = chosen !== null && baselineAboveThreshold(draft, chosen);
    const started = startRequest(draft, weightBased, user.id, canPrescribe, highBp);
    if (!started.ok) {
      void form.submit(async () => undefined, started.errors);
      return;
    }
    void form.submit(async () => {
      onStarted(
        await api.post<StartedSession>(
          `/patients/${encodeURIComponent(patientId)}/treatment-sessions`,
          started.body,
        ),
      );
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Start a session">
      {blocks.length > 0 ? (
        <div role="alert" className="form-problem">
          <p className="form-problem-title">This session cannot start:</p>
          <RuleList items={blocks} label="Reasons the session cannot start" />
          <SetupHint problem={form.problem} />
        </div>
      ) : (
        <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      )}
      <SelectField
        label="Protocol"
        value={draft.protocolId}
        onValue={(protocolId) => {
          // Another protocol asks other questions: its confirmations start unticked.
          const fresh = emptyStartDraft(protocolId, new Date()).confirmed;
          change({ protocolId, dose: '', durationMin: '', concentration: '', confirmed: fresh });
        }}
        options={protocols.map((p) => ({ value: p.id, label: p.title }))}
        error={form.errors.protocol}
      />
      {chosen ? <p className="hint">{chosen.summary}</p> : null}
      <div className="field-grid">
        <SelectField
          label="Setting"
          value={draft.setting}
          onValue={(v) => {
            const setting = asSetting(v);
            if (setting) change({ setting });
          }}
          options={SETTING_OPTIONS}
          error={form.errors.setting}
        />
      </div>
      {protocol.error ? <p className="field-error">{protocol.error.detail ?? protocol.error.title}</p> : null}
      <BaselineFields draft={draft} onChange={change} errors={form.errors} />
      {chosen ? (
        <DoseFields
          protocol={chosen}
          draft={draft}
          onChange={change}
          errors={form.errors}
          canPrescribe={canPrescribe}
        >
          <DosePreview preview={preview} />
        </DoseFields>
      ) : (
        <p role="status">Loading the protocol…</p>
      )}
      <ConfirmationBoxes
        protocol={chosen}
        draft={draft}
        onChange={change}
        canPrescribe={canPrescribe}
        errors={form.errors}
      />
      <div className="actions">
        <button type="submit" disabled={form.busy || !chosen}>
          Start session
        </button>
      </div>
    </form>
  );
}
