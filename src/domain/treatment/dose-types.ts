// What a dose calculation takes and gives: the request, the result with its rounding, and warnings.
import type { Protocol } from './protocol.ts';
import type { Route } from './protocol-types.ts';
import type {
  Kilograms,
  MgPerHour,
  MgPerKg,
  MgPerMl,
  Milligrams,
  Millilitres,
  Minutes,
  MlPerHour,
} from './units.ts';

/** A body weight and the calendar day it was measured ('YYYY-MM-DD'). */
export interface WeightReading {
  readonly kg: Kilograms;
  readonly measuredOn: string;
}

/** Everything a dose calculation needs; give `mgPerKg` or `doseMg` (or both, when they agree). */
export interface DoseRequest {
  readonly protocol: Protocol;
  /** Required for weight-based protocols; optional otherwise (then used only to show mg/kg). */
  readonly weight?: WeightReading | null;
  /** Today's date, 'YYYY-MM-DD', for the weight's age. */
  readonly today: string;
  readonly mgPerKg?: MgPerKg;
  readonly doseMg?: Milligrams;
  /** Infusion duration; the protocol's default when left out (if it has one). */
  readonly durationMin?: Minutes;
  /** Concentration of the prepared solution: gives the volume to run and the pump rate. */
  readonly concentrationMgPerMl?: MgPerMl;
  /** Volume of the bag; alone, the dose is taken as mixed into it and the whole bag run over the duration. */
  readonly bagVolumeMl?: Millilitres;
  /** A prescriber's reason, needed for a dose above the usual range (and at or under the hard maximum). */
  readonly prescriberReason?: string;
  /** Course the session belongs to (its first-dose rule applies); the protocol's first course when left out. */
  readonly courseId?: string;
  /** True for the first session of the course; undefined when not known. */
  readonly firstSession?: boolean;
}

/** Why a calculated dose needs a second look. */
export type DoseWarningCode =
  | 'escalation-above-usual-range'
  | 'rate-above-usual'
  | 'rate-above-low-dose-definition'
  | 'dose-per-kg-above-setting'
  | 'dose-per-kg-not-checked'
  | 'default-duration-used'
  | 'confirm-prior-first-dose'
  | 'weight-not-used';

/** A warning that does not stop the dose, with the source of the rule behind it. */
export interface DoseWarning {
  readonly code: DoseWarningCode;
  readonly text: string;
  readonly source: string;
}

/** A calculated dose. Fields that do not apply to the route are null (rates) or absent (volumes, devices). */
export interface DoseResult {
  readonly protocolId: string;
  readonly protocolVersion: string;
  readonly route: Route;
  readonly doseMg: Milligrams;
  /** Dose ÷ weight to 0.01 mg/kg; null when no usable weight was given for a non-weight-based dose. */
  readonly mgPerKg: MgPerKg | null;
  readonly durationMin: Minutes | null;
  readonly rateMgPerHour: MgPerHour | null;
  readonly volumeMl?: Millilitres;
  readonly rateMlPerHour?: MlPerHour;
  /** Concentration in the bag, to 0.01 mg/mL, when it was worked out from a bag volume. */
  readonly concentrationMgPerMl?: MgPerMl;
  /** Esketamine: number of 28 mg devices, and the rest between them. */
  readonly devices?: number;
  readonly restBetweenDevicesMin?: Minutes;
  /** The prescriber's reason, when the dose is above the usual range. */
  readonly prescriberReason?: string;
  /** The rounding used, in words. */
  readonly rounding: string;
  readonly warnings: readonly DoseWarning[];
}
