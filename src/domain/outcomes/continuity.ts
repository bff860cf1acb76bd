// Continuity of care: reviews on time, the gap between contacts, and keeping one key worker.
import { byDate, dayNumber, daysBetween, type IsoDate } from '../core/calendar.ts';
import { proportionOf, proportionOverPeople, type Proportion, type Summary } from './results.ts';
import type { EpisodeRow } from './rows.ts';
import { summarise } from './statistics.ts';

/**
 * Measure `reviews-on-time`: reviews done by their due date plus `graceDays`, over reviews already done or
 * overdue. A review not yet done counts as late once `asOf` is past its due date plus the grace days, and is
 * left out before then (it may still be done on time).
 */
export function reviewsOnTime(episodes: readonly EpisodeRow[], asOf: IsoDate, graceDays = 0): Proportion {
  const parts = episodes.map((episode) => {
    let counted = 0;
    let onTime = 0;
    for (const review of episode.reviews) {
      const deadline = dayNumber(review.dueOn) + graceDays;
      if (review.doneOn != null) {
        counted += 1;
        if (dayNumber(review.doneOn) <= deadline) onTime += 1;
      } else if (dayNumber(asOf) > deadline) {
        counted += 1;
      }
    }
    return { numerator: onTime, denominator: counted };
  });
  return proportionOverPeople(parts, 'reviews due or done');
}

/**
 * Measure `contact-gap`: days between consecutive attended appointments of the same person, pooled over
 * everyone (people with more contacts contribute more gaps).
 */
export function contactGaps(episodes: readonly EpisodeRow[]): Summary {
  const gaps = episodes.flatMap((episode) => {
    const attended = byDate(
      episode.appointments.filter((a) => a.status === 'attended'),
      (a) => a.on,
    );
    return attended.slice(1).map((a, i) => daysBetween(attended[i]?.on ?? a.on, a.on));
  });
  return summarise(gaps, 'gaps between attended appointments');
}

/** Measure `same-key-worker`: people with exactly one key worker over people with at least one. */
export function sameKeyWorker(episodes: readonly EpisodeRow[]): Proportion {
  const withKeyWorker = episodes.filter((e) => e.keyWorkerIds.length > 0);
  const one = withKeyWorker.filter((e) => new Set(e.keyWorkerIds).size === 1).length;
  return proportionOf(one, withKeyWorker.length, 'people with a key worker recorded');
}
