// OnwardReferralTable: a patient's onward referrals, latest decided first: where, level, due date and state.
import { useState } from 'react';
import { formatDate } from '../ui/format.ts';
import { localDate } from '../ui/local-date.ts';
import {
  isOverdue,
  labelOf,
  referralStateText,
  type OutcomeEventKinds,
  type ReferralOutcome,
  type ReferralView,
} from './outcome-record-types.ts';
import { ReferralOutcomeForm } from './ReferralOutcomeForm.tsx';

interface OnwardReferralTableProps {
  referrals: readonly ReferralView[];
  destinations: OutcomeEventKinds['referralDestinations'];
  canWrite: boolean;
  onChanged: () => void;
}

/** Destination (with reason), Level, Decided, Due (overdue flagged), State and, for pending ones, the actions. */
export function OnwardReferralTable({
  referrals,
  destinations,
  canWrite,
  onChanged,
}: OnwardReferralTableProps) {
  const today = localDate();
  return (
    <div className="table-wrap">
      <table className="data-table compact">
        <caption className="visually-hidden">Onward referrals</caption>
        <thead>
          <tr>
            <th scope="col">Destination</th>
            <th scope="col">Level</th>
            <th scope="col">Decided</th>
            <th scope="col">Due</th>
            <th scope="col">State</th>
            {canWrite ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {referrals.map((r) => {
            const destination = labelOf(destinations, r.destination);
            return (
              <tr key={r.id} className={r.state === 'cancelled' ? 'row-muted' : undefined}>
                <th scope="row">
                  {destination}
                  {r.reason ? <p className="hint">{r.reason}</p> : null}
                </th>
                <td>{r.confirmedLevel}</td>
                <td className="nowrap">{formatDate(r.decidedOn)}</td>
                <td className="nowrap">
                  {formatDate(r.dueOn)} <span className="muted">({r.targetDays} days)</span>
                </td>
                <td>
                  {isOverdue(r, today) ? (
                    <>
                      <span className="badge badge-danger">Overdue</span>{' '}
                    </>
                  ) : null}
                  {referralStateText(r)}
                  {r.closedNote ? <p className="hint">{r.closedNote}</p> : null}
                </td>
                {canWrite ? (
                  <td>
                    {r.state === 'pending' ? (
                      <ReferralActions referralId={r.id} what={destination} onChanged={onChanged} />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** "Mark made" and "Mark cancelled", each opening the dated form in their place. */
function ReferralActions({
  referralId,
  what,
  onChanged,
}: {
  referralId: string;
  what: string;
  onChanged: () => void;
}) {
  const [outcome, setOutcome] = useState<ReferralOutcome['outcome'] | null>(null);
  if (outcome)
    return (
      <ReferralOutcomeForm
        referralId={referralId}
        outcome={outcome}
        label={`Record the referral to ${what} as ${outcome}`}
        onDone={() => {
          setOutcome(null);
          onChanged();
        }}
        onBack={() => setOutcome(null)}
      />
    );
  return (
    <div className="row-actions" role="group" aria-label={`Actions for the referral to ${what}`}>
      <button type="button" className="button-small" onClick={() => setOutcome('made')}>
        Mark made
      </button>
      <button type="button" className="button-small button-secondary" onClick={() => setOutcome('cancelled')}>
        Mark cancelled
      </button>
    </div>
  );
}
