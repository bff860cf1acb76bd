// VitalsForm: "Record vitals": one reading of the flowsheet; the alerts it raises are shown at once.
import { useState, type SubmitEvent } from 'react';
import { useChartAlertsReload } from '../alerts/chart-alerts-reload.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { localDateTime } from '../ui/local-date.ts';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { instantOf, missingNumbers, toNumber } from './treatment-input.ts';
import type { SessionAlertOutcome, VitalAlert, VitalsBody } from './treatment-types.ts';
import { VitalAlertList } from './VitalAlertList.tsx';

interface VitalsFormProps {
  sessionId: string;
  onRecorded: () => void;
}

const EMPTY = { systolic: '', diastolic: '', heartRate: '', spo2: '', respiratoryRate: '' };
type Readings = typeof EMPTY;

const FIELDS: readonly { key: keyof Readings; label: string; hint: string; required: boolean }[] = [
  { key: 'systolic', label: 'Systolic', hint: 'mmHg', required: true },
  { key: 'diastolic', label: 'Diastolic', hint: 'mmHg', required: true },
  { key: 'heartRate', label: 'Heart rate', hint: 'bpm', required: true },
  { key: 'spo2', label: 'SpO2', hint: '%', required: true },
  { key: 'respiratoryRate', label: 'Respiratory rate', hint: 'breaths/min', required: false },
];

/** "Taken at" (now) and the readings; after saving, the alerts (or "No alerts") and a fresh time. */
export function VitalsForm({ sessionId, onRecorded }: VitalsFormProps) {
  const form = useFormSubmit();
  const [takenAt, setTakenAt] = useState(() => localDateTime(new Date()));
  const [readings, setReadings] = useState<Readings>(EMPTY);
  const [alerts, setAlerts] = useState<readonly VitalAlert[] | null>(null);
  const [escalation, setEscalation] = useState<SessionAlertOutcome | null>(null);
  const reloadChartAlerts = useChartAlertsReload();

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setAlerts(null);
    const when = instantOf(takenAt);
    const localErrors = missingNumbers([
      ['systolic', readings.systolic, 'Enter the systolic BP'],
      ['diastolic', readings.diastolic, 'Enter the diastolic BP'],
      ['heartRate', readings.heartRate, 'Enter the heart rate'],
      ['spo2', readings.spo2, 'Enter the SpO2'],
    ]);
    if (!when) localErrors.takenAt = 'Enter when the reading was taken';
    const [systolic, diastolic, heartRate, spo2, respiratoryRate] = [
      readings.systolic,
      readings.diastolic,
      readings.heartRate,
      readings.spo2,
      readings.respiratoryRate,
    ].map(toNumber);
    if (
      !when ||
      systolic === undefined ||
      diastolic === undefined ||
      heartRate === undefined ||
      spo2 === undefined
    ) {
      void form.submit(async () => undefined, localErrors);
      return;
    }
    const body: VitalsBody = {
      takenAt: when,
      systolic,
      diastolic,
      heartRate,
      spo2,
      ...(respiratoryRate !== undefined ? { respiratoryRate } : {}),
    };
    void form.submit(async () => {
      const saved = await api.post<{ id: number; alerts: VitalAlert[] } & Partial<SessionAlertOutcome>>(
        `/treatment-sessions/${encodeURIComponent(sessionId)}/vitals`,
        body,
      );
      setAlerts(saved.alerts);
      setEscalation({ raised: saved.raised ?? [], suggestedActions: saved.suggestedActions ?? [] });
      setReadings(EMPTY);
      setTakenAt(localDateTime(new Date()));
      onRecorded();
      // An urgent alert was raised on the chart: show it on the banner now, not at the next visit.
      if ((saved.raised ?? []).length > 0) reloadChartAlerts();
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Record vitals">
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      {alerts && alerts.length > 0 ? <VitalAlertList alerts={alerts} escalation={escalation} /> : null}
      {alerts && alerts.length === 0 ? (
        <p className="saved-note" role="status">
          Vitals recorded. No alerts.
        </p>
      ) : null}
      <div className="field-grid vitals-grid">
        <Field
          label="Taken at"
          type="datetime-local"
          required
          value={takenAt}
          onValue={setTakenAt}
          error={form.errors.takenAt}
        />
        {FIELDS.map((f) => (
          <Field
            key={f.key}
            label={f.label}
            type="number"
            inputMode="decimal"
            min={0}
            required={f.required}
            hint={f.hint}
            value={readings[f.key]}
            onValue={(value) => {
              setReadings((r) => ({ ...r, [f.key]: value }));
            }}
            error={form.errors[f.key]}
          />
        ))}
      </div>
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Record vitals
        </button>
      </div>
    </form>
  );
}
