// The whole protocol: dose and timing rules from protocol-types.ts plus the gates, discharge rules and version.
import type { Sourced } from './problems.ts';
import type {
  AlertThresholds,
  CourseSchedule,
  DoseRule,
  DurationRule,
  MonitoringRule,
  ProtocolValue,
  Requirement,
  Route,
  SessionSetting,
} from './protocol-types.ts';

/** Limits on the weight a weight-based dose may use. */
export interface WeightRule {
  readonly maxAge: ProtocolValue<'days'>;
  readonly plausibleMin: ProtocolValue<'kg'>;
  readonly plausibleMax: ProtocolValue<'kg'>;
}

/** Pre-dose checks: blood pressure above these needs a prescriber's acknowledgement; baseline age limit. */
export interface PreDoseRule {
  readonly systolicAbove: ProtocolValue<'mmHg'>;
  readonly diastolicAbove: ProtocolValue<'mmHg'>;
  readonly baselineMaxAge: ProtocolValue<'min'>;
  /** Pre-dose BP at or above this blocks the session outright, acknowledged or not (absent: the shipped default). */
  readonly systolicCeiling?: ProtocolValue<'mmHg'>;
  readonly diastolicCeiling?: ProtocolValue<'mmHg'>;
  /** Minimum time since the patient's last dosing session started (absent: the shipped default). */
  readonly minIntervalHours?: ProtocolValue<'h'>;
  /** `required: true` refuses a session inside the minimum interval; false only warns. */
  readonly minIntervalRefuses?: Requirement;
}

/** What the patient must have done or arranged before dosing. */
export interface PreparationRule {
  readonly fasting: Requirement & { readonly instructions: string };
  readonly escort: Requirement;
}

/** Who must be present, and REMS enrolment. */
export interface StaffingRule {
  readonly aclsClinician: Requirement;
  readonly prescriberOnSite: Requirement;
  readonly remsEnrolment: Requirement;
}

/** Where sessions may take place, and whether a chaperone must be present away from the clinic. */
export interface SessionSettingRule extends Sourced {
  readonly allowed: readonly SessionSetting[];
  readonly chaperoneAwayFromClinic: Requirement;
}

/** When the patient may drive again. */
export type NoDrivingRule =
  | { readonly kind: 'hours-after-end'; readonly hours: ProtocolValue<'h'> }
  | ({ readonly kind: 'next-day-after-sleep' } & Sourced);

/** The minimum observation time and the moment it is counted from. */
export interface ObservationRule {
  readonly minimum: ProtocolValue<'min'>;
  readonly from: 'administration-end' | 'dosing-start';
}

/** What must hold before the patient leaves. */
export interface DischargeRule {
  readonly observation: ObservationRule;
  /** SBP, DBP and HR must each be within this percentage of baseline. */
  readonly vitalsTolerance: ProtocolValue<'%'>;
  readonly spo2Min: ProtocolValue<'%'>;
  readonly alertAndOriented: Requirement;
  readonly escort: Requirement;
  /** Esketamine REMS: sedation, dissociation and respiratory depression resolved. */
  readonly effectsResolved: Requirement;
  readonly noDriving: NoDrivingRule;
}

/** A protocol as written (the JSON shape); load untrusted ones through `validateProtocol`. */
export interface ProtocolContent {
  /** Lower-case letters, digits and hyphens. */
  readonly id: string;
  /** Semantic version, e.g. "1.0.0"; bump it whenever any number or rule changes. */
  readonly version: string;
  readonly title: string;
  readonly route: Route;
  /** 'YYYY-MM-DD'. */
  readonly publishedAt: string;
  /** What the protocol rests on and what it is not. */
  readonly summary: string;
  readonly dose: DoseRule;
  /** Infusion duration; null for routes that are not infused. */
  readonly duration: DurationRule | null;
  readonly courses: readonly CourseSchedule[];
  readonly monitoring: MonitoringRule;
  readonly alerts: AlertThresholds;
  readonly weight: WeightRule;
  readonly preDose: PreDoseRule;
  readonly preparation: PreparationRule;
  readonly staffing: StaffingRule;
  readonly sessions: SessionSettingRule;
  readonly discharge: DischargeRule;
}

declare const validatedBrand: unique symbol;

/** A protocol that passed `validateProtocol`; the only kind the calculators and checks accept. */
export type Protocol = ProtocolContent & { readonly [validatedBrand]: true };

/** "id@version", the reference stored with every calculation. */
export function protocolRef(protocol: ProtocolContent): string {
  return `${protocol.id}@${protocol.version}`;
}
