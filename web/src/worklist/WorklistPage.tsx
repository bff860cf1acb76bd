// WorklistPage: what needs doing soon: harm-pathway reviews due or overdue, and the day's appointments.
import type { ReviewItem } from '../harm/harm-types.ts';
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { Notice } from '../ui/Notice.tsx';
import { DayAppointments } from './DayAppointments.tsx';
import { ReviewsDueTable } from './ReviewsDueTable.tsx';

const HORIZON_DAYS = 7;

/** /worklist. */
export function WorklistPage() {
  usePageTitle('Worklist');
  const reviews = useApiData<{ today: string; items: ReviewItem[] }>(
    `/harm/review-worklist?horizonDays=${HORIZON_DAYS}`,
  );
  const items = reviews.data?.items ?? [];
  return (
    <>
      <h1>Worklist</h1>
      <section aria-labelledby="reviews-due-heading">
        <h2 id="reviews-due-heading">Reviews due</h2>
        <p className="hint">Overdue reviews, and reviews due in the next {HORIZON_DAYS} days.</p>
        {reviews.error ? <Notice kind="error">{reviews.error.detail ?? reviews.error.title}</Notice> : null}
        {reviews.loading && !reviews.data ? <p role="status">Loading reviews…</p> : null}
        {reviews.data && items.length === 0 ? <p>No reviews due in the next {HORIZON_DAYS} days.</p> : null}
        {items.length > 0 ? <ReviewsDueTable items={items} /> : null}
      </section>
      <DayAppointments />
    </>
  );
}
