// The dashboard's monthly series, funnel, practitioner and team rows: the shapes the SQL aggregates
// (src/store/outcome-series.ts) return and the report tables and the web read.

export interface SeriesMonth {
  /** 'YYYY-MM'; every month from `from` to `to` is present, zero months too. */
  readonly month: string;
  /** Patients registered (patients.created_at) in the month. */
  readonly newPatients: number;
  /** People whose first ever decided harm assessment falls in the month, by confirmed level 1..4. */
  readonly firstAssessed: readonly [number, number, number, number];
  /** Decided harm assessments assessed in the month. */
  readonly assessments: number;
  /** Of those, overridden. */
  readonly overrides: number;
  /** Of those, confirmed at level 4. */
  readonly level4: number;
  /** Appointments whose latest event starts in the month and is not a cancellation. */
  readonly booked: number;
  /** Of those, attended. */
  readonly attended: number;
  /** Of those, did not attend. */
  readonly didNotAttend: number;
  /** Crisis events in the month that were not retracted. */
  readonly crisisEvents: number;
}

/** Distinct people at each stage, within the period. */
export interface Funnel {
  /** Registered in the period, or with a decided assessment or a non-cancelled appointment in it. */
  readonly inContact: number;
  /** With at least one decided harm assessment in the period. */
  readonly assessed: number;
  /** With a decided assessment in the period that recorded a sentinel symptom or was confirmed at level 2 or above. */
  readonly harmIdentified: number;
  /** With a care plan recorded in the period. */
  readonly carePlanned: number;
  /** With an attended appointment in the period on or after the day of their first care plan in the period. */
  readonly interventionDelivered: number;
}

export interface PractitionerRow {
  readonly practitionerId: string;
  readonly displayName: string;
  readonly assessments: number;
  readonly overrides: number;
}

export interface TeamRow {
  readonly serviceId: string;
  readonly name: string;
  /** People in contact with the team in the period (as the funnel's first stage). */
  readonly patients: number;
  readonly assessments: number;
  readonly overrides: number;
  readonly attended: number;
  readonly didNotAttend: number;
}

export interface OutcomeSeries {
  readonly months: readonly SeriesMonth[];
  readonly funnel: Funnel;
  readonly practitioners: readonly PractitionerRow[];
  readonly teams: readonly TeamRow[];
}
