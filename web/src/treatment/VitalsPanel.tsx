// VitalsPanel: "Vitals": the fixed BP checks due, record a reading, then the live chart and the flowsheet table.
import { bpCheckpointPrompts } from './bp-checkpoint-prompt.ts';
import { PartHeading, type PartLevel } from './PartHeading.tsx';
import { VitalsChart } from './VitalsChart.tsx';
import { VitalsForm } from './VitalsForm.tsx';
import type { ChartReading } from './vitals-geometry.ts';
import { VitalsTable } from './VitalsTable.tsx';
import type { Protocol, SessionDetail, SessionEvent, VitalsData } from './treatment-types.ts';

interface VitalsPanelProps {
  session: SessionDetail;
  protocol: Protocol | null;
  canWrite: boolean;
  onChanged: () => void;
  level?: PartLevel;
}

type VitalsEvent = Extract<SessionEvent, { kind: 'vitals' }>;
const isVitals = (e: SessionEvent): e is VitalsEvent => e.kind === 'vitals';
const MARKERS: Readonly<Record<string, string>> = {
  'administration-start': 'Start',
  'administration-stop': 'Stop',
};

/** Readings by the time they were taken (the server's order), baseline first. */
export function VitalsPanel({ session, protocol, canWrite, onChanged, level = 5 }: VitalsPanelProps) {
  const readings: { id: number; at: string; data: VitalsData }[] = session.events.filter(isVitals);
  const points: ChartReading[] = readings.map((r) => ({
    id: r.id,
    at: Date.parse(r.data.takenAt),
    systolic: r.data.systolic,
    diastolic: r.data.diastolic,
    heartRate: r.data.heartRate,
    baseline: r.data.baseline === true,
  }));
  const baseline = points.find((p) => p.baseline);
  const markers = [
    ...(baseline ? [{ at: baseline.at, label: 'Baseline' }] : []),
    ...session.events.flatMap((e) => {
      const label = MARKERS[e.kind];
      return label ? [{ at: Date.parse(e.at), label }] : [];
    }),
  ];
  return (
    <section className="session-part" aria-labelledby={`vitals-${session.id}`}>
      <PartHeading level={level} id={`vitals-${session.id}`}>
        Vitals
      </PartHeading>
      {bpCheckpointPrompts(protocol, session.events).map((p) => (
        <p key={p.text} role="status" className={p.needed ? 'form-problem' : 'hint'}>
          {p.text}
        </p>
      ))}
      {canWrite ? <VitalsForm sessionId={session.id} onRecorded={onChanged} /> : null}
      <div className="vitals-view">
        <VitalsChart readings={points} protocol={protocol} markers={markers} />
        <VitalsTable readings={readings} />
      </div>
    </section>
  );
}
