// LedgerChainStatus: one line saying whether the register's hash chain verifies, or which entry breaks it.
import { useApiData } from '../api/use-api-data.ts';
import { Notice } from '../ui/Notice.tsx';
import type { ChainVerification } from './cd-types.ts';

const PROBLEMS: Record<string, string> = {
  gap: 'an entry is missing',
  'prev-hash-mismatch': 'the link to the previous entry does not match',
  'hash-mismatch': 'the entry was altered after it was written',
};

/** "Register chain intact — N entries", or "Register chain broken at entry N: why" in red. */
export function LedgerChainStatus() {
  const check = useApiData<ChainVerification>('/cd-register/verify');
  if (check.error) return <Notice kind="error">{check.error.detail ?? check.error.title}</Notice>;
  if (!check.data) return <p className="muted">Checking the register chain…</p>;
  const { intact, rows, brokenAt } = check.data;
  if (intact)
    return (
      <p role="status" className="cd-chain cd-chain-ok">
        Register chain intact — {rows} {rows === 1 ? 'entry' : 'entries'}
      </p>
    );
  return (
    <p role="alert" className="cd-chain cd-chain-broken">
      Register chain broken at entry {brokenAt?.seq ?? '?'}
      {brokenAt ? `: ${PROBLEMS[brokenAt.problem] ?? brokenAt.problem}` : ''}. {rows}{' '}
      {rows === 1 ? 'entry' : 'entries'} before it verified; tell the CD Accountable Officer.
    </p>
  );
}
