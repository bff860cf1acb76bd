// How discharge reads a session's record: the start and end of administration, the readings after dosing, every
// alert raised, the dose given, and whether the session is already closed.
import type { AlertSeverity } from './protocol-types.ts';
import type { SessionStateCode } from './session-state.ts';
import { beatsPerMinute, breathsPerMinute, mmHg, percent } from './units.ts';
import type { VitalSigns } from './vitals.ts';

/** One stored session event as the store returns it (kind, when, and its JSON data). */
export interface RecordedSessionEvent {
  readonly kind: string;
  readonly at: Date;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A vital-sign alert raised during the session, with the time of the reading that raised it. */
export interface SessionAlertEntry {
  readonly takenAt: Date;
  readonly code: string;
  readonly severity: AlertSeverity;
  readonly text: string;
}

/** What discharge needs from the record. */
export interface DischargeRecord {
  /** Start of dosing (the first esketamine device). */
  readonly dosedAt: Date;
  /** The recorded end of administration, or null when no stop is recorded. */
  readonly administrationEndedAt: Date | null;
  /** Readings other than the baseline, in the order they were taken. */
  readonly readings: readonly VitalSigns[];
  /** Readings taken from the start of dosing on. */
  readonly postDoseVitals: readonly VitalSigns[];
  /** The last reading other than the baseline, or null. */
  readonly latestVitals: VitalSigns | null;
  /** Every alert raised by a reading in the session, in time order. */
  readonly alerts: readonly SessionAlertEntry[];
  /** The amount the stop recorded as given (mg), or null when the stop recorded none. */
  readonly doseGivenMg: number | null;
}

/** The record, or the rule that stops discharge before any clinical check. */
export type DischargeRecordOutcome =
  | { readonly ok: true; readonly value: DischargeRecord }
  | { readonly ok: false; readonly code: SessionStateCode; readonly text: string };

/** A discharged session is closed: it takes no second discharge and no new record. */
export const dischargedSessionRefusal = {
  code: 'session-discharged',
  text: 'The patient has been discharged from this session.',
} as const satisfies { code: SessionStateCode; text: string };

const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A stored reading as vital signs; a missing number reads as NaN (never as a normal value). */
export function readStoredVitals(e: RecordedSessionEvent): VitalSigns {
  const d = e.data;
  const takenAt = typeof d.takenAt === 'string' ? new Date(d.takenAt) : e.at;
  return {
    systolic: mmHg(num(d.systolic)),
    diastolic: mmHg(num(d.diastolic)),
    heartRate: beatsPerMinute(num(d.heartRate)),
    spo2: percent(num(d.spo2)),
    ...(typeof d.respiratoryRate === 'number'
      ? { respiratoryRate: breathsPerMinute(d.respiratoryRate) }
      : {}),
    takenAt,
  };
}

function alertsOf(e: RecordedSessionEvent, takenAt: Date): SessionAlertEntry[] {
  const list = e.data.alerts;
  if (!Array.isArray(list)) return [];
  return list.flatMap((a: unknown) => {
    if (typeof a !== 'object' || a === null) return [];
    const { code, severity, text } = a as Record<string, unknown>;
    if (typeof code !== 'string' || typeof text !== 'string') return [];
    return [{ takenAt, code, severity: severity === 'urgent' ? 'urgent' : 'warning', text }];
  });
}

const byTime = (a: { takenAt: Date }, b: { takenAt: Date }) => a.takenAt.getTime() - b.takenAt.getTime();

/**
 * Reads the record for a discharge: refused when the session is already discharged (a closed session takes no
 * new record) or no administration is recorded. The first start and first stop count.
 */
export function dischargeRecord(
  events: readonly RecordedSessionEvent[],
  dischargedAt: Date | null,
): DischargeRecordOutcome {
  if (dischargedAt !== null) return { ok: false, ...dischargedSessionRefusal };
  const start = events.find((e) => e.kind === 'administration-start');
  if (!start)
    return {
      ok: false,
      code: 'administration-not-recorded',
      text: 'No administration is recorded for this session.',
    };
  const stop = events.find((e) => e.kind === 'administration-stop');
  const vitalEvents = events.filter((e) => e.kind === 'vitals');
  const readings = vitalEvents
    .filter((e) => e.data.baseline !== true)
    .map(readStoredVitals)
    .sort(byTime);
  const alerts = vitalEvents.flatMap((e) => alertsOf(e, readStoredVitals(e).takenAt)).sort(byTime);
  const given = stop
    ? (numOrNull(stop.data.doseGivenMg) ?? numOrNull(stop.data.givenMg) ?? numOrNull(stop.data.doseMg))
    : null;
  return {
    ok: true,
    value: {
      dosedAt: start.at,
      administrationEndedAt: stop?.at ?? null,
      readings,
      postDoseVitals: readings.filter((v) => !(v.takenAt.getTime() < start.at.getTime())),
      latestVitals: readings.at(-1) ?? null,
      alerts,
      doseGivenMg: given,
    },
  };
}

/** A reading as stored in the discharge summary. */
export interface SummaryReading {
  readonly takenAt: string;
  readonly systolic: number;
  readonly diastolic: number;
  readonly heartRate: number;
  readonly spo2: number;
  readonly respiratoryRate?: number;
}

const asSummary = (v: VitalSigns): SummaryReading => ({
  takenAt: v.takenAt.toISOString(),
  systolic: v.systolic,
  diastolic: v.diastolic,
  heartRate: v.heartRate,
  spo2: v.spo2,
  ...(v.respiratoryRate !== undefined ? { respiratoryRate: v.respiratoryRate } : {}),
});

/**
 * The facts of the record the discharge summary keeps (JSON-ready): the readings after dosing, every alert with
 * its time and level, the dose the stop recorded as given, and each fixed BP check with the reading that counted.
 */
export function dischargeSummaryFacts(
  record: DischargeRecord,
  bpCheckpoints: readonly {
    readonly checkpointMin: number;
    readonly dueAt: Date;
    readonly reading: VitalSigns | null;
    readonly missedReason: string | null;
  }[],
) {
  return {
    vitals: record.postDoseVitals.map(asSummary),
    alerts: record.alerts.map((a) => ({
      at: a.takenAt.toISOString(),
      code: a.code,
      severity: a.severity,
      text: a.text,
    })),
    doseGivenMg: record.doseGivenMg,
    bpCheckpoints: bpCheckpoints.map((c) => ({
      checkpointMin: c.checkpointMin,
      dueAt: c.dueAt.toISOString(),
      reading: c.reading === null ? null : asSummary(c.reading),
      missedReason: c.missedReason,
    })),
  };
}
