// AuditPage: whether the audit chain is whole, and the most recent entries (optionally flagged only).
import { useState } from 'react';
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { Notice } from '../ui/Notice.tsx';
import { AuditChainStatus } from './AuditChainStatus.tsx';
import { AuditTable, type AuditEntry } from './AuditTable.tsx';

const LIMIT = 100;

/** /audit. */
export function AuditPage() {
  usePageTitle('Audit');
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const entries = useApiData<{ entries: AuditEntry[] }>(
    `/audit?limit=${LIMIT}${flaggedOnly ? '&flagged=true' : ''}`,
  );
  const list = entries.data?.entries ?? [];
  return (
    <>
      <h1>Audit</h1>
      <AuditChainStatus />
      <section className="panel" aria-labelledby="entries-heading">
        <div className="page-head">
          <h2 id="entries-heading">Recent entries</h2>
          <button type="button" className="button-secondary" onClick={entries.reload}>
            Refresh
          </button>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)} />
          Flagged only
        </label>
        {entries.error ? <Notice kind="error">{entries.error.detail ?? entries.error.title}</Notice> : null}
        <p role="status" className="result-count">
          {entries.loading
            ? 'Loading…'
            : `${list.length} ${flaggedOnly ? 'flagged ' : ''}entries shown, newest first${list.length >= LIMIT ? ` (the latest ${LIMIT})` : ''}.`}
        </p>
        {list.length > 0 ? <AuditTable entries={list} /> : null}
      </section>
    </>
  );
}
