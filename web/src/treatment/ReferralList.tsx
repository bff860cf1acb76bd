// ReferralList: the patient's referrals, newest first, each with its indication, referrer and any flags.
import { indications } from '../../../src/domain/treatment/indications.ts';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { RuleList } from './RuleList.tsx';
import type { ScreeningRecord } from './treatment-types.ts';

/** The indication's label, or the text given for one off the usual list. */
export function indicationText(code: string): string {
  return indications.find((i) => i.code === code)?.label ?? code;
}

/** A plain list; flagged referrals carry their flags beneath. */
export function ReferralList({ referrals }: { referrals: ScreeningRecord['referrals'] }) {
  return (
    <ul className="plain-list" aria-label="Referrals">
      {referrals.map((r) => (
        <li key={r.id}>
          <span className="label">{indicationText(r.indication)}</span>
          {r.referrer ? ` — from ${r.referrer}` : ''}
          {r.receivedOn ? `, received ${formatDate(r.receivedOn)}` : ''}{' '}
          <span className="muted">(recorded {formatDateTime(r.recordedAt)})</span>
          {r.flags.length > 0 ? <RuleList items={r.flags} label="Flags" /> : null}
        </li>
      ))}
    </ul>
  );
}
