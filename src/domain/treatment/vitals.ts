// Vital-sign alerts during a session, from the protocol's configurable thresholds (each with its source).
import type { Protocol } from './protocol.ts';
import type { AlertSeverity, AlertThreshold, Comparator, ValueUnit } from './protocol-types.ts';
import type { Certainty } from './problems.ts';
import { LIMIT_TOLERANCE } from './rounding.ts';
import type { BeatsPerMinute, BreathsPerMinute, MmHg, Percent } from './units.ts';

/** One set of vital signs; respiratory rate is optional (not every monitor records it). */
export interface VitalSigns {
  readonly systolic: MmHg;
  readonly diastolic: MmHg;
  readonly heartRate: BeatsPerMinute;
  readonly spo2: Percent;
  readonly respiratoryRate?: BreathsPerMinute;
  readonly takenAt: Date;
}

/** Which threshold an alert came from. */
export type VitalAlertCode =
  | 'systolic'
  | 'diastolic'
  | 'heart-rate'
  | 'systolic-low'
  | 'heart-rate-low'
  | 'spo2'
  | 'respiratory-rate'
  | 'systolic-rise'
  | 'diastolic-rise'
  | 'reading-incomplete';

/**
 * An alert with the reading, the threshold it crossed, and the threshold's source and certainty.
 * `value`, `threshold` and `comparator` are null for `reading-incomplete`, which crosses no threshold.
 */
export interface VitalAlert {
  readonly code: VitalAlertCode;
  readonly severity: AlertSeverity;
  readonly text: string;
  readonly value: number | null;
  readonly threshold: number | null;
  readonly comparator: Comparator | null;
  readonly source: string;
  readonly certainty: Certainty;
}

const WORDS: Readonly<Record<Comparator, string>> = {
  '>': 'above',
  '>=': 'at or above',
  '<': 'below',
  '<=': 'at or below',
};

/** True when `value comparator limit` holds, treating arithmetic noise as equality. */
export function crosses(value: number, comparator: Comparator, limit: number): boolean {
  const d = value - limit;
  switch (comparator) {
    case '>':
      return d > LIMIT_TOLERANCE;
    case '>=':
      return d >= -LIMIT_TOLERANCE;
    case '<':
      return d < -LIMIT_TOLERANCE;
    case '<=':
      return d <= LIMIT_TOLERANCE;
  }
}

function check<U extends ValueUnit>(
  code: VitalAlertCode,
  label: string,
  value: number | undefined,
  t: AlertThreshold<U> | null,
): VitalAlert[] {
  if (t === null || value === undefined || !Number.isFinite(value) || !crosses(value, t.comparator, t.value))
    return [];
  const { comparator, severity, source, certainty } = t;
  const text = `${label} ${value} ${t.unit} is ${WORDS[comparator]} ${t.value} ${t.unit}.`;
  return [{ code, severity, text, value, threshold: t.value, comparator, source, certainty }];
}

/**
 * Alerts for one reading against the protocol's thresholds, most urgent first. Rises are measured from the
 * baseline (when one is given). A reading missing BP, HR or SpO2 gives a `reading-incomplete` warning.
 */
export function vitalAlerts(
  reading: VitalSigns,
  baseline: VitalSigns | null,
  protocol: Protocol,
): readonly VitalAlert[] {
  const a = protocol.alerts;
  const missing = (['systolic', 'diastolic', 'heartRate', 'spo2'] as const).filter(
    (k) => !Number.isFinite(reading[k]),
  );
  const incomplete: VitalAlert[] =
    missing.length === 0
      ? []
      : [
          {
            code: 'reading-incomplete',
            severity: 'warning',
            text: `The reading has no usable ${missing.join(', ')}: those alerts could not be checked.`,
            value: null,
            threshold: null,
            comparator: null,
            source: 'KASPR [SYN]: absence of a reading is not reassurance.',
            certainty: 'synthesis',
          },
        ];
  const rise = (now: number, base: number | undefined) =>
    base === undefined || !Number.isFinite(base) ? undefined : now - base;
  const alerts = [
    ...check('systolic', 'Systolic BP', reading.systolic, a.systolic),
    ...check('diastolic', 'Diastolic BP', reading.diastolic, a.diastolic),
    ...check('heart-rate', 'Heart rate', reading.heartRate, a.heartRate),
    ...check('systolic-low', 'Systolic BP', reading.systolic, a.systolicLow),
    ...check('heart-rate-low', 'Heart rate', reading.heartRate, a.heartRateLow),
    ...check('spo2', 'SpO2', reading.spo2, a.spo2),
    ...check('respiratory-rate', 'Respiratory rate', reading.respiratoryRate, a.respiratoryRate),
    ...check(
      'systolic-rise',
      'Rise in systolic BP from baseline',
      rise(reading.systolic, baseline?.systolic),
      a.systolicRise,
    ),
    ...check(
      'diastolic-rise',
      'Rise in diastolic BP from baseline',
      rise(reading.diastolic, baseline?.diastolic),
      a.diastolicRise,
    ),
    ...incomplete,
  ];
  return [...alerts.filter((x) => x.severity === 'urgent'), ...alerts.filter((x) => x.severity !== 'urgent')];
}
