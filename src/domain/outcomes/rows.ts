// The plain rows outcome measures compute from: one episode of care per person, with its dated events.
import type { AppointmentStatus } from '../appointments/status.ts';
import type { IsoDate } from '../core/calendar.ts';
import type { LevelNumber } from '../harm/pack-types.ts';

/** One harm assessment (the first or a review) as confirmed by a practitioner. */
export interface AssessmentRow {
  readonly on: IsoDate;
  /** The practitioner who confirmed the level. */
  readonly practitionerId: string;
  /** The level the rules engine proposed. */
  readonly proposedLevel: LevelNumber;
  /** The level the practitioner confirmed. */
  readonly confirmedLevel: LevelNumber;
  /** True when the practitioner recorded an override of the proposal. */
  readonly overridden: boolean;
  /** Sentinel symptom codes recorded at this assessment (harm.md §2.3). */
  readonly sentinelSymptoms: readonly string[];
  /** Days ketamine was used in the last 28 (TOP-style recall, harm.md §6), when asked. */
  readonly daysUsedLast28: number | null;
  readonly sdsTotal?: number | null;
  readonly phq9Total?: number | null;
  /** Number of urinary checklist symptoms present (0–7); the checklist has no validated total. */
  readonly urinarySymptomCount?: number | null;
}

/** One appointment and what became of it. */
export interface AppointmentRow {
  readonly on: IsoDate;
  readonly status: AppointmentStatus;
}

/** One review that fell due, and when (if ever) it was done. */
export interface ReviewRow {
  readonly dueOn: IsoDate;
  readonly doneOn?: IsoDate | null;
}

/** One care plan as agreed, with the level it was written for. */
export interface CarePlanRow {
  readonly on: IsoDate;
  readonly confirmedLevel: LevelNumber;
  /** Intervention ids in the plan (content-pack ids). */
  readonly interventions: readonly string[];
}

/** One onward referral decided for a person, with its target time. */
export interface ReferralRow {
  /** The person's confirmed level when the referral was decided. */
  readonly confirmedLevel: LevelNumber;
  readonly decidedOn: IsoDate;
  readonly madeOn?: IsoDate | null;
  /** Days allowed from decision to referral (e.g. 14 for a two-week urology pathway). */
  readonly targetDays: number;
}

/** One completed urinary symptom checklist: how many of its 7 symptoms were present. */
export interface UrinaryChecklistRow {
  readonly on: IsoDate;
  readonly presentCount: number;
}

/** One crisis event (emergency attendance, crisis-team contact, admission) recorded for a person. */
export interface CrisisEventRow {
  readonly on: IsoDate;
  readonly kind: string;
}

/**
 * One person's episode of care with the service over the reporting period. Dates are calendar days in the
 * service's own time zone; turning timestamps into dates is the caller's job.
 */
export interface EpisodeRow {
  readonly patientId: string;
  readonly team: string;
  readonly firstContactOn: IsoDate;
  readonly dischargedOn?: IsoDate | null;
  readonly assessments: readonly AssessmentRow[];
  readonly appointments: readonly AppointmentRow[];
  readonly reviews: readonly ReviewRow[];
  /** Every practitioner who was the person's key worker during the period. */
  readonly keyWorkerIds: readonly string[];
  readonly carePlans: readonly CarePlanRow[];
  readonly referrals: readonly ReferralRow[];
  readonly crisisEvents: readonly CrisisEventRow[];
  /** Urinary checklists completed in the period (outside assessments), for `change-urinary-symptoms`. */
  readonly urinaryChecklists?: readonly UrinaryChecklistRow[];
}

/** An assessment together with the episode it belongs to (for grouping by team). */
export interface AssessmentInEpisode {
  readonly episode: EpisodeRow;
  readonly assessment: AssessmentRow;
}

/** Every assessment of every episode, each with its episode. */
export function allAssessments(episodes: readonly EpisodeRow[]): AssessmentInEpisode[] {
  return episodes.flatMap((episode) => episode.assessments.map((assessment) => ({ episode, assessment })));
}
