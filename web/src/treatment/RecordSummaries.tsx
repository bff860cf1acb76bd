// RecordSummaries: the completed referral, eligibility and consent as one line each on a dosing session's page,
// each linking to its record in the treatment area.
import { Link } from 'react-router';
import { useApiData } from '../api/use-api-data.ts';
import { PartHeading, type PartLevel } from './PartHeading.tsx';
import {
  consentLine,
  currentConsent,
  eligibilityLine,
  referralLine,
  treatmentRecordPath,
} from './record-lines.ts';
import type { ConsentDocument, ConsentView, ScreeningRecord } from './treatment-types.ts';

/** "Screening and consent": three links, or what could not be loaded. */
export function RecordSummaries({ patientId, level }: { patientId: string; level: PartLevel }) {
  const id = encodeURIComponent(patientId);
  const screening = useApiData<ScreeningRecord>(`/patients/${id}/eligibility`);
  const consents = useApiData<{ consents: ConsentView[] }>(`/patients/${id}/consents`);
  const documents = useApiData<{ documents: ConsentDocument[] }>('/consent-documents');
  const consent = currentConsent(consents.data?.consents ?? []);
  const title = consent
    ? (documents.data?.documents.find(
        (d) => d.id === consent.documentId && d.version === consent.documentVersion,
      )?.title ?? consent.documentId)
    : '';
  const screeningPath = treatmentRecordPath(patientId, 'screening');
  return (
    <section className="session-part record-summaries" aria-labelledby={`records-${patientId}`}>
      <PartHeading level={level} id={`records-${patientId}`}>
        Referral, eligibility and consent
      </PartHeading>
      <ul className="summary-lines">
        {screening.data ? (
          <>
            <li>
              <Link to={screeningPath}>{referralLine(screening.data)}</Link>
            </li>
            <li>
              <Link to={screeningPath}>{eligibilityLine(screening.data)}</Link>
            </li>
          </>
        ) : (
          <li>
            <Link to={screeningPath}>
              {screening.error
                ? 'Referral and eligibility (could not be loaded here)'
                : 'Referral and eligibility…'}
            </Link>
          </li>
        )}
        <li>
          <Link to={treatmentRecordPath(patientId, 'consent')}>
            {consents.data
              ? consentLine(consent, title)
              : consents.error
                ? 'Consent (could not be loaded here)'
                : 'Consent…'}
          </Link>
        </li>
      </ul>
    </section>
  );
}
