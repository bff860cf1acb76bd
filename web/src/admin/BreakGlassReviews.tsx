// BreakGlassReviews: emergency accesses awaiting review first; a reviewer records a note on each.
import { Link } from 'react-router';
import { useApiData } from '../api/use-api-data.ts';
import { useSession } from '../session/session-context.ts';
import { Notice } from '../ui/Notice.tsx';
import { formatDateTime } from '../ui/format.ts';
import type { BreakGlassGrant } from './admin-types.ts';
import { ReviewForm } from './ReviewForm.tsx';

/** The "Emergency access reviews" section of /admin. */
export function BreakGlassReviews() {
  const grants = useApiData<{ grants: BreakGlassGrant[] }>('/break-glass');
  const { can, session } = useSession();
  const list = grants.data?.grants ?? [];
  const waiting = list.filter((g) => !g.review).length;
  return (
    <section id="reviews" className="panel" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Emergency access reviews</h2>
      {grants.error ? <Notice kind="error">{grants.error.detail ?? grants.error.title}</Notice> : null}
      {grants.data ? (
        <p>{waiting === 0 ? 'Nothing is waiting for review.' : `${waiting} waiting for review.`}</p>
      ) : null}
      <ul className="review-list">
        {list.map((g) => (
          <li key={g.id} className={g.review ? 'review-done' : 'review-waiting'}>
            <p>
              <strong>{g.user.displayName}</strong> opened{' '}
              {can('patient:read') ? (
                <Link to={`/patients/${g.patientId}`}>a patient record</Link>
              ) : (
                'a patient record'
              )}{' '}
              on {formatDateTime(g.grantedAt)} (access until {formatDateTime(g.expiresAt)}).
            </p>
            <p>
              <span className="label">Reason given:</span> {g.reason}
            </p>
            {g.review ? (
              <p>
                <span className="label">Reviewed</span> by {g.review.reviewer ?? 'unknown'} on{' '}
                {formatDateTime(g.review.reviewedAt)}: {g.review.note}
              </p>
            ) : g.user.id === session?.user.id ? (
              <p className="muted">Someone else must review your own emergency access.</p>
            ) : (
              <ReviewForm grantId={g.id} who={g.user.displayName} onReviewed={grants.reload} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
