// AuditChainStatus: verifies the hash chain of the audit log and says plainly whether it is intact.
import { useApiData } from '../api/use-api-data.ts';
import type { AuditChain } from '../admin/admin-types.ts';
import { Notice } from '../ui/Notice.tsx';

const PROBLEMS: Record<string, string> = {
  gap: 'an entry is missing',
  'prev-hash-mismatch': 'the link to the previous entry does not match',
  'hash-mismatch': 'the entry was altered after it was written',
};

/** "Audit chain intact — N entries", or the first broken entry in red. */
export function AuditChainStatus() {
  const check = useApiData<AuditChain>('/audit/verify');
  return (
    <section className="panel" aria-labelledby="chain-heading">
      <h2 id="chain-heading">Chain status</h2>
      {check.loading ? <p role="status">Checking the audit chain…</p> : null}
      {check.error ? <Notice kind="error">{check.error.detail ?? check.error.title}</Notice> : null}
      {check.data && !check.loading ? (
        check.data.intact ? (
          <div role="status" className="notice notice-success chain-ok">
            <p>
              <strong>Audit chain intact — {check.data.rows} entries</strong>
            </p>
            <p className="hint">
              Head hash <code>{check.data.headHash.slice(0, 16)}…</code>
            </p>
            {check.data.pending > 0 ? (
              <p className="hint">
                {check.data.pending} newer {check.data.pending === 1 ? 'entry is' : 'entries are'} written and
                waiting to be sealed into the chain (normally within a second).
              </p>
            ) : null}
          </div>
        ) : (
          <div role="alert" className="notice notice-error chain-broken">
            <p>
              <strong>
                Audit chain broken at entry {check.data.brokenAt?.seq ?? '?'}
                {check.data.brokenAt
                  ? `: ${PROBLEMS[check.data.brokenAt.problem] ?? check.data.brokenAt.problem}`
                  : ''}
              </strong>
            </p>
            <p>
              {check.data.rows} entries before it verified. Report this to your information governance lead.
            </p>
          </div>
        )
      ) : null}
      <button type="button" className="button-secondary" onClick={check.reload} disabled={check.loading}>
        Check again
      </button>
    </section>
  );
}
