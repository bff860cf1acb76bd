// TreatmentPanel: the chart's "Treatment" tab: referral and eligibility, consent, and the dosing session. While a
// session is in progress it is one click away at the top, and the completed sections fold to one line each.
import { Link, useSearchParams } from 'react-router';
import { useApiData } from '../api/use-api-data.ts';
import { sessionPath } from '../chart/chart-context.ts';
import { ConsentSection } from './ConsentSection.tsx';
import { DosingSection } from './DosingSection.tsx';
import { openSection } from './record-lines.ts';
import { ScreeningSection } from './ScreeningSection.tsx';
import type { SessionSummary } from './treatment-types.ts';

interface TreatmentPanelProps {
  patientId: string;
  canWrite: boolean;
  /** Prescribers sign eligibility decisions; others read the latest one. */
  canPrescribe: boolean;
}

/** The "Treatment" tab, in the order a course runs: screen, consent, dose. */
export function TreatmentPanel({ patientId, canWrite, canPrescribe }: TreatmentPanelProps) {
  const [search] = useSearchParams();
  const asked = openSection(search);
  const sessions = useApiData<{ sessions: SessionSummary[] }>(
    `/patients/${encodeURIComponent(patientId)}/treatment-sessions`,
  );
  const open = sessions.data?.sessions.find((s) => s.dischargedAt === null) ?? null;
  const fold = (section: 'screening' | 'consent') => (open ? { opened: asked === section } : null);
  return (
    <>
      <h2>Treatment</h2>
      {open ? (
        <p className="session-open-link">
          <Link to={sessionPath(patientId, open.id)} className="button">
            Session in progress — open
          </Link>
        </p>
      ) : null}
      <ScreeningSection
        patientId={patientId}
        canWrite={canWrite}
        canPrescribe={canPrescribe}
        folded={fold('screening')}
      />
      <ConsentSection patientId={patientId} canWrite={canWrite} folded={fold('consent')} />
      <DosingSection patientId={patientId} canWrite={canWrite} sessions={sessions} />
    </>
  );
}
