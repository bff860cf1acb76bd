// Reads a stored discharge summary defensively (older ones lack vitals, alerts, dose given and prescriber) and
// falls back to the session's own events for whatever is missing.
import type { SummaryAlert, SummaryObservation, SummaryVitals } from './discharge-summary.ts';

export interface SessionEventLike {
  kind: string;
  data: Record<string, unknown>;
  at: Date;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const dateOrNull = (v: unknown): Date | null => {
  if (typeof v !== 'string' && !(v instanceof Date)) return null;
  const d = new Date(v);
  return Number.isFinite(d.getTime()) ? d : null;
};

function vitalsFrom(list: unknown[]): SummaryVitals[] {
  const out: SummaryVitals[] = [];
  for (const v of list) {
    if (!isObj(v)) continue;
    const takenAt = dateOrNull(v.takenAt);
    if (!takenAt) continue;
    out.push({
      takenAt,
      systolic: numOrNull(v.systolic),
      diastolic: numOrNull(v.diastolic),
      heartRate: numOrNull(v.heartRate),
      spo2: numOrNull(v.spo2),
      respiratoryRate: numOrNull(v.respiratoryRate),
      baseline: v.baseline === true,
    });
  }
  return out.sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
}

function alertsFrom(list: unknown[], at: Date | null): SummaryAlert[] {
  const out: SummaryAlert[] = [];
  for (const a of list) {
    if (!isObj(a) || typeof a.text !== 'string') continue;
    out.push({
      at: dateOrNull(a.at) ?? dateOrNull(a.takenAt) ?? at,
      severity: typeof a.severity === 'string' ? a.severity : 'warning',
      text: a.text,
    });
  }
  return out;
}

export interface DischargeRecord {
  prescriber: string | null;
  doseGivenMg: number | null;
  vitals: SummaryVitals[];
  alerts: SummaryAlert[];
  observations: SummaryObservation[];
  administrationStartedAt: Date | null;
}

const OBSERVATION_KINDS = new Set(['cadss', 'sedation', 'adverse-event', 'rescue-medication', 'note']);

/** What the summary PDF needs, from the stored summary where present, else from the session events. */
export function readDischargeRecord(summary: unknown, events: readonly SessionEventLike[]): DischargeRecord {
  const s: Obj = isObj(summary) ? summary : {};
  const start = events.find((e) => e.kind === 'administration-start');
  const vitalEvents = events.filter((e) => e.kind === 'vitals');
  const storedVitals = Array.isArray(s.vitals) ? vitalsFrom(s.vitals) : [];
  const vitals =
    storedVitals.length > 0
      ? storedVitals
      : vitalsFrom(vitalEvents.map((e) => ({ takenAt: e.at.toISOString(), ...e.data })));
  const alerts = Array.isArray(s.alerts)
    ? alertsFrom(s.alerts, null)
    : vitalEvents.flatMap((e) => alertsFrom(Array.isArray(e.data.alerts) ? e.data.alerts : [], e.at));
  const p = s.prescriber;
  const prescriber =
    typeof p === 'string'
      ? p
      : isObj(p) && typeof p.displayName === 'string'
        ? p.displayName
        : isObj(p) && typeof p.name === 'string'
          ? p.name
          : null;
  const dose = isObj(s.dose) ? s.dose : {};
  const doseGivenMg =
    numOrNull(s.doseGivenMg) ?? numOrNull(start?.data.doseMg) ?? numOrNull(dose.doseMg) ?? null;
  const observations = events
    .filter((e) => OBSERVATION_KINDS.has(e.kind))
    .map((e) => ({
      at: e.at,
      kind: e.kind,
      score: numOrNull(e.data.score),
      text: typeof e.data.text === 'string' && e.data.text !== '' ? e.data.text : null,
    }));
  return {
    prescriber,
    doseGivenMg,
    vitals,
    alerts,
    observations,
    administrationStartedAt: dateOrNull(s.administrationStartedAt) ?? start?.at ?? null,
  };
}
