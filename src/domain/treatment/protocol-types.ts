// A treatment protocol as versioned data: route, dose rule, timings, gates, alerts and discharge, all sourced.
import type { Basis, Sourced } from './problems.ts';

/** How the ketamine is given. IV and IM are parenteral (ASKP tenet 8). */
export type Route = 'iv-racemic' | 'im' | 'intranasal-esketamine' | 'oral' | 'sublingual';

/** Every route. */
export const routes: readonly Route[] = ['iv-racemic', 'im', 'intranasal-esketamine', 'oral', 'sublingual'];

/** Routes given by injection or infusion, which ASKP tenet 8 keeps under medical supervision. */
export const parenteralRoutes: readonly Route[] = ['iv-racemic', 'im'];

/** Where a session takes place. */
export type SessionSetting = 'clinic' | 'home' | 'remote';

/** Every session setting. */
export const sessionSettings: readonly SessionSetting[] = ['clinic', 'home', 'remote'];

/** Units a protocol number may carry; a validator refuses a number written in the wrong one. */
export type ValueUnit =
  'kg' | 'mg' | 'mg/kg' | 'mg/kg/h' | 'min' | 'h' | 'days' | 'mmHg' | 'bpm' | '%' | 'breaths/min';

/** One number of a protocol with its unit, whether it is a fact or a setting, its source and certainty. */
export interface ProtocolValue<U extends ValueUnit> extends Sourced {
  readonly value: number;
  readonly unit: U;
  readonly basis: Basis;
}

/** A yes/no rule (e.g. "ACLS clinician present") with its source. */
export interface Requirement extends Sourced {
  readonly required: boolean;
  readonly basis: Basis;
}

/** How a reading is compared with a threshold. */
export type Comparator = '>' | '>=' | '<' | '<=';

/** How urgent an alert is. */
export type AlertSeverity = 'warning' | 'urgent';

/** A vital-sign alert threshold: the reading alerts when `reading comparator value` holds. */
export interface AlertThreshold<U extends ValueUnit> extends ProtocolValue<U> {
  readonly comparator: Comparator;
  readonly severity: AlertSeverity;
}

/** A usual dose range in `U`, escalation above it with a reason, and a hard maximum. */
export interface RangeDose<U extends ValueUnit> {
  readonly usualMin: ProtocolValue<U>;
  readonly usualMax: ProtocolValue<U>;
  readonly hardMax: ProtocolValue<U>;
}

/** IV or IM racemic ketamine: a usual mg/kg range, escalation above it with a reason, and a hard maximum. */
export interface WeightBasedDose extends RangeDose<'mg/kg'> {
  readonly kind: 'weight-based';
  /** Above this infusion rate a dose leaves "low dose" territory and needs more monitoring (a warning). */
  readonly lowDoseRateCeiling: ProtocolValue<'mg/kg/h'> | null;
  /** Above this infusion rate a prescriber's reason is needed (null: no rate rule). */
  readonly rateReasonAbove: ProtocolValue<'mg/kg/h'> | null;
  /** Above this infusion rate the dose is refused, whatever the total (null: no rate ceiling). */
  readonly rateHardMax: ProtocolValue<'mg/kg/h'> | null;
}

/** Esketamine: fixed doses made of whole devices. */
export interface FixedDeviceDose {
  readonly kind: 'fixed-devices';
  readonly allowed: readonly ProtocolValue<'mg'>[];
  readonly deviceMg: ProtocolValue<'mg'>;
  readonly restBetweenDevices: ProtocolValue<'min'>;
}

/** Oral or sublingual: a usual mg range, escalation with a reason, a hard maximum and a tablet step. */
export interface MgRangeDose extends RangeDose<'mg'> {
  readonly kind: 'mg-range';
  /** Doses must be whole multiples of this (tablet strength), or null for any dose. */
  readonly step: ProtocolValue<'mg'> | null;
  /** Above this dose per kg of body weight the calculation warns (null: no per-kg check). */
  readonly mgPerKgWarnAbove: ProtocolValue<'mg/kg'> | null;
}

/** The dose rule of a protocol. */
export type DoseRule = WeightBasedDose | FixedDeviceDose | MgRangeDose;

/** Infusion duration limits; `default` is used when none is given (null: the caller must give one). */
export interface DurationRule {
  readonly min: ProtocolValue<'min'>;
  readonly max: ProtocolValue<'min'>;
  readonly default: ProtocolValue<'min'> | null;
}

/** One phase of a course, e.g. esketamine induction: weeks 1–4, twice a week. */
export interface CoursePhase extends Sourced {
  readonly label: string;
  readonly fromWeek: number;
  /** Last week of the phase, or null for open-ended maintenance. */
  readonly toWeek: number | null;
  /** Sessions per week; 0.5 is every two weeks; null when the source gives none. */
  readonly sessionsPerWeekMin: number | null;
  readonly sessionsPerWeekMax: number | null;
  readonly totalSessions: number | null;
  readonly doseNote: string | null;
}

/** A named course schedule (a protocol may have more than one, e.g. TRD and MDD with suicidal ideation). */
export interface CourseSchedule {
  readonly id: string;
  readonly label: string;
  /** The dose the first session of the course must use (esketamine TRD: 56 mg), or null. */
  readonly firstDose: ProtocolValue<'mg'> | null;
  readonly phases: readonly CoursePhase[];
}

/** When vital signs are taken. */
export interface MonitoringRule {
  readonly vitalsDuringEvery: ProtocolValue<'min'> | null;
  readonly vitalsAfterEvery: ProtocolValue<'min'> | null;
  /** Fixed blood-pressure checks, in minutes after dosing starts. */
  readonly bpCheckpoints: readonly ProtocolValue<'min'>[];
  readonly pulseOximetry: Requirement;
  /** Remote sessions: how often the chaperone checks in visually. */
  readonly chaperoneCheckInEvery: ProtocolValue<'min'> | null;
}

/** Vital-sign alert thresholds; null switches an alert off. Rises are measured from the baseline. */
export interface AlertThresholds {
  readonly systolic: AlertThreshold<'mmHg'> | null;
  readonly diastolic: AlertThreshold<'mmHg'> | null;
  readonly heartRate: AlertThreshold<'bpm'> | null;
  /** Hypotension: a systolic BP below this alerts. */
  readonly systolicLow: AlertThreshold<'mmHg'> | null;
  /** Bradycardia: a heart rate below this alerts. */
  readonly heartRateLow: AlertThreshold<'bpm'> | null;
  readonly spo2: AlertThreshold<'%'> | null;
  readonly respiratoryRate: AlertThreshold<'breaths/min'> | null;
  readonly systolicRise: AlertThreshold<'mmHg'> | null;
  readonly diastolicRise: AlertThreshold<'mmHg'> | null;
}
