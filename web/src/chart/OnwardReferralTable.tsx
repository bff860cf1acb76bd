// OnwardReferralTable: a patient's onward referrals, latest decided first: where, level, due date and state.
import { useState } from 'react';
import { DataTable, type Column } from '../ui/DataTable.tsx';
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
  const columns: (Column<ReferralView> | false)[] = [
    {
      header: 'Destination',
      rowHeader: true,
      cell: (r) => (
        <>
          {labelOf(destinations, r.destination)}
          {r.reason ? <p className="hint">{r.reason}</p> : null}
        </>
      ),
    },
    { header: 'Level', cell: (r) => r.confirmedLevel },
    { header: 'Decided', className: 'nowrap', cell: (r) => formatDate(r.decidedOn) },
    {
      header: 'Due',
      className: 'nowrap',
      cell: (r) => (
        <>
          {formatDate(r.dueOn)} <span className="muted">({r.targetDays} days)</span>
        </>
      ),
    },
    {
      header: 'State',
      cell: (r) => (
        <>
          {isOverdue(r, today) ? (
            <>
              <span className="badge badge-danger">Overdue</span>{' '}
            </>
          ) : null}
          {referralStateText(r)}
          {r.closedNote ? <p className="hint">{r.closedNote}</p> : null}
        </>
      ),
    },
    canWrite && {
      header: 'Actions',
      cell: (r) =>
        r.state === 'pending' ? (
          <ReferralActions
            referralId={r.id}
            what={labelOf(destinations, r.destination)}
            onChanged={onChanged}
          />
        ) : null,
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={referrals}
      rowKey={(r) => r.id}
      rowClassName={(r) => (r.state === 'cancelled' ? 'row-muted' : undefined)}
      caption="Onward referrals"
      captionHidden
      className="data-table compact"
    />
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
