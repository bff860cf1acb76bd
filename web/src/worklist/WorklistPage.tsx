// WorklistPage: what needs doing soon: harm-pathway reviews due or overdue, and the day's appointments.
import type { ReviewItem } from '../harm/harm-types.ts';
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { Loaded } from '../ui/Loaded.tsx';
import { DayAppointments } from './DayAppointments.tsx';
import { ReviewsDueTable } from './ReviewsDueTable.tsx';

const HORIZON_DAYS = 7;

/** /worklist. */
export function WorklistPage() {
  usePageTitle('Worklist');
  const reviews = useApiData<{ today: string; items: ReviewItem[] }>(
    `/harm/review-worklist?horizonDays=${HORIZON_DAYS}`,
  );
  return (
    <>
      <h1>Worklist</h1>
      <section aria-labelledby="reviews-due-heading">
        <h2 id="reviews-due-heading">Reviews due</h2>
        <p className="hint">Overdue reviews, and reviews due in the next {HORIZON_DAYS} days.</p>
        <Loaded data={reviews} loading="Loading reviews…">
          {({ items }) =>
            items.length === 0 ? (
              <p>No reviews due in the next {HORIZON_DAYS} days.</p>
            ) : (
              <ReviewsDueTable items={items} />
            )
          }
        </Loaded>
      </section>
      <DayAppointments />
    </>
  );
}
