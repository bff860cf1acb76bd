// OutcomeRecordsPanel: the chart's "Referrals and crisis events" tab: onward referrals with their target times, and
// crisis events, each recorded here and counted by the service outcomes report.
import { useApiData } from '../api/use-api-data.ts';
import { Notice } from '../ui/Notice.tsx';
import { CrisisEventForm } from './CrisisEventForm.tsx';
import { CrisisEventTable } from './CrisisEventTable.tsx';
import { OnwardReferralForm } from './OnwardReferralForm.tsx';
import { OnwardReferralTable } from './OnwardReferralTable.tsx';
import type { CrisisEventView, OutcomeEventKinds, ReferralView } from './outcome-record-types.ts';

interface OutcomeRecordsPanelProps {
  patientId: string;
  canWrite: boolean;
}

/** "Onward referrals" and "Crisis events", each a list with, for those who may write, its form. */
export function OutcomeRecordsPanel({ patientId, canWrite }: OutcomeRecordsPanelProps) {
  const base = `/patients/${encodeURIComponent(patientId)}`;
  const kinds = useApiData<OutcomeEventKinds>('/outcome-event-kinds');
  const referrals = useApiData<{ referrals: ReferralView[] }>(`${base}/onward-referrals`);
  const events = useApiData<{ events: CrisisEventView[] }>(`${base}/crisis-events`);
  const destinations = kinds.data?.referralDestinations ?? [];
  const crisisKinds = kinds.data?.crisisKinds ?? [];
  const referralList = referrals.data?.referrals ?? [];
  const eventList = events.data?.events ?? [];

  return (
    <>
      <h2>Referrals and crisis events</h2>
      {kinds.error ? <Notice kind="error">{kinds.error.detail ?? kinds.error.title}</Notice> : null}
      <section className="q-section" aria-labelledby="onward-referrals-heading">
        <h3 id="onward-referrals-heading">Onward referrals</h3>
        {referrals.error ? (
          <Notice kind="error">{referrals.error.detail ?? referrals.error.title}</Notice>
        ) : null}
        {referrals.loading && !referrals.data ? <p role="status">Loading referrals…</p> : null}
        {referrals.data && referralList.length === 0 ? <p>No onward referrals yet.</p> : null}
        {referralList.length > 0 ? (
          <OnwardReferralTable
            referrals={referralList}
            destinations={destinations}
            canWrite={canWrite}
            onChanged={referrals.reload}
          />
        ) : null}
        {canWrite && kinds.data ? (
          <>
            <h4>Record a referral</h4>
            <p className="hint">
              A referral follows the latest confirmed level of need: confirm a harm assessment first.
            </p>
            <OnwardReferralForm
              patientId={patientId}
              destinations={destinations}
              onRecorded={referrals.reload}
            />
          </>
        ) : null}
      </section>
      <section className="q-section" aria-labelledby="crisis-events-heading">
        <h3 id="crisis-events-heading">Crisis events</h3>
        {events.error ? <Notice kind="error">{events.error.detail ?? events.error.title}</Notice> : null}
        {events.loading && !events.data ? <p role="status">Loading crisis events…</p> : null}
        {events.data && eventList.length === 0 ? <p>No crisis events recorded.</p> : null}
        {eventList.length > 0 ? (
          <CrisisEventTable
            events={eventList}
            kinds={crisisKinds}
            canWrite={canWrite}
            onChanged={events.reload}
          />
        ) : null}
        {canWrite && kinds.data ? (
          <>
            <h4>Record a crisis event</h4>
            <CrisisEventForm patientId={patientId} kinds={crisisKinds} onRecorded={events.reload} />
          </>
        ) : null}
      </section>
    </>
  );
}
