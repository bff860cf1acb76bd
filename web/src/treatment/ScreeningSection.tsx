// ScreeningSection: "Referral and eligibility": record a referral, sign (or read) the eligibility decision.
import { useState } from 'react';
import { useApiData } from '../api/use-api-data.ts';
import { Notice } from '../ui/Notice.tsx';
import { DecisionList, decisionLine } from './DecisionList.tsx';
import { EligibilityFlagsView } from './EligibilityFlagsView.tsx';
import { EligibilityForm } from './EligibilityForm.tsx';
import { FoldedSection } from './FoldedSection.tsx';
import { eligibilityLine, referralLine } from './record-lines.ts';
import { ReferralForm } from './ReferralForm.tsx';
import { ReferralList } from './ReferralList.tsx';
import { DECISION_LABELS, routeLabel } from './treatment-labels.ts';
import type { Route, ScreeningRecord, SignedEligibility } from './treatment-types.ts';

interface ScreeningSectionProps {
  patientId: string;
  canWrite: boolean;
  canPrescribe: boolean;
  /** While a session is in progress: one line, unfolded on request (`opened`: a session's page linked here). */
  folded?: { opened: boolean } | null;
}

/** Referral form and list, the eligibility form (prescribers) or the latest decision, and past decisions. */
export function ScreeningSection({
  patientId,
  canWrite,
  canPrescribe,
  folded = null,
}: ScreeningSectionProps) {
  const record = useApiData<ScreeningRecord>(`/patients/${encodeURIComponent(patientId)}/eligibility`);
  const [signed, setSigned] = useState<{ result: SignedEligibility; route: Route } | null>(null);
  const [round, setRound] = useState(0);
  const referrals = record.data?.referrals ?? [];
  const decisions = record.data?.decisions ?? [];
  const latest = decisions[0];
  const body = (
    <>
      <div className="treatment-part">
        <h4>Referral</h4>
        {canWrite ? <ReferralForm patientId={patientId} onRecorded={record.reload} /> : null}
        {record.data && referrals.length === 0 ? <p>No referral recorded yet.</p> : null}
        {referrals.length > 0 ? <ReferralList referrals={referrals} /> : null}
      </div>
      <div className="treatment-part">
        <h4>Eligibility decision</h4>
        {signed ? (
          <Notice kind="success">
            <p>
              Eligibility decision signed: {DECISION_LABELS[signed.result.decision]} for{' '}
              {routeLabel(signed.route)}.
            </p>
            <EligibilityFlagsView flags={signed.result.flags} />
          </Notice>
        ) : null}
        {canPrescribe ? (
          <EligibilityForm
            key={round}
            patientId={patientId}
            onSigned={(result, route) => {
              setSigned({ result, route });
              setRound((r) => r + 1);
              record.reload();
            }}
          />
        ) : (
          <>
            <p>{latest ? `Latest: ${decisionLine(latest)}` : 'No eligibility decision signed yet.'}</p>
            <p className="hint">Only a prescriber can sign an eligibility decision.</p>
          </>
        )}
      </div>
      {decisions.length > 0 ? (
        <div className="treatment-part">
          <h4>Past eligibility decisions</h4>
          <DecisionList decisions={decisions} />
        </div>
      ) : null}
    </>
  );

  return (
    <section className="q-section" aria-labelledby="screening-heading">
      <h3 id="screening-heading">Referral and eligibility</h3>
      {record.error ? <Notice kind="error">{record.error.detail ?? record.error.title}</Notice> : null}
      {record.loading && !record.data ? <p role="status">Loading referrals and eligibility…</p> : null}
      {folded ? (
        <FoldedSection
          opened={folded.opened}
          summary={
            record.data
              ? `${referralLine(record.data)}. ${eligibilityLine(record.data)}.`
              : 'Referral and eligibility'
          }
        >
          {body}
        </FoldedSection>
      ) : (
        body
      )}
    </section>
  );
}
