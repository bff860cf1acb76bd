// Builders shared by the outcome tests (test support only): dates, assessments and episodes with defaults.
import { isoDate, type IsoDate } from '../core/calendar.ts';
import type { Proportion } from './results.ts';
import type { AssessmentRow, EpisodeRow } from './rows.ts';

/** A date for a test; a typo in a test date fails loudly. */
export function d(text: string): IsoDate {
  const date = isoDate(text);
  if (date === undefined) throw new Error(`Bad test date ${text}`);
  return date;
}

/** An assessment at level 1 proposed and confirmed, no symptoms, with `changes` applied. */
export function assessment(on: string, changes: Partial<Omit<AssessmentRow, 'on'>> = {}): AssessmentRow {
  return {
    on: d(on),
    practitionerId: 'p1',
    proposedLevel: 1,
    confirmedLevel: 1,
    overridden: false,
    sentinelSymptoms: [],
    daysUsedLast28: null,
    ...changes,
  };
}

/** An episode in team "north" with nothing recorded, with `changes` applied. */
export function episode(patientId: string, changes: Partial<Omit<EpisodeRow, 'patientId'>> = {}): EpisodeRow {
  return {
    patientId,
    team: 'north',
    firstContactOn: d('2026-01-01'),
    assessments: [],
    appointments: [],
    reviews: [],
    keyWorkerIds: [],
    carePlans: [],
    referrals: [],
    crisisEvents: [],
    ...changes,
  };
}

/** A proportion with a value, over counts that are not people: the counts, the value and the people behind them. */
export function countedShare(
  numerator: number,
  denominator: number,
  value: number,
  people: readonly [numerator: number, denominator: number],
): Proportion {
  return {
    numerator,
    denominator,
    value,
    reason: null,
    people: { numerator: people[0], denominator: people[1] },
  };
}
