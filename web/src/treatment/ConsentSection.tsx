// ConsentSection: "Consent": read the route's document and sign it, then every consent with its PDF and withdrawal.
import { useState } from 'react';
import { useApiData } from '../api/use-api-data.ts';
import { Notice } from '../ui/Notice.tsx';
import { ConsentForm } from './ConsentForm.tsx';
import { ConsentList } from './ConsentList.tsx';
import { FoldedSection } from './FoldedSection.tsx';
import { consentLine, currentConsent } from './record-lines.ts';
import type { ConsentDocument, ConsentView } from './treatment-types.ts';

interface ConsentSectionProps {
  patientId: string;
  canWrite: boolean;
  /** While a session is in progress: one line, unfolded on request (`opened`: a session's page linked here). */
  folded?: { opened: boolean } | null;
}

/** The signing form (for those who may write) and the consents on record. */
export function ConsentSection({ patientId, canWrite, folded = null }: ConsentSectionProps) {
  const docs = useApiData<{ documents: ConsentDocument[] }>('/consent-documents');
  const list = useApiData<{ consents: ConsentView[] }>(`/patients/${encodeURIComponent(patientId)}/consents`);
  const [signed, setSigned] = useState<ConsentView | null>(null);
  const [round, setRound] = useState(0);
  const documents = docs.data?.documents ?? [];
  const consents = list.data?.consents ?? [];
  const error = docs.error ?? list.error;
  const titleOf = (c: Pick<ConsentView, 'documentId' | 'documentVersion'>) =>
    documents.find((d) => d.id === c.documentId && d.version === c.documentVersion)?.title ?? c.documentId;
  const current = currentConsent(consents);
  const body = (
    <>
      {canWrite ? (
        <div className="treatment-part">
          <h4>Sign consent</h4>
          {signed ? (
            <Notice kind="success">
              Consent signed: {titleOf(signed)}, version {signed.documentVersion}.
            </Notice>
          ) : null}
          {docs.loading && !docs.data ? <p role="status">Loading consent documents…</p> : null}
          {docs.data ? (
            <ConsentForm
              key={round}
              patientId={patientId}
              documents={documents}
              onSigned={(consent) => {
                setSigned(consent);
                setRound((r) => r + 1);
                list.reload();
              }}
            />
          ) : null}
        </div>
      ) : null}
      <div className="treatment-part">
        <h4>Consents on record</h4>
        {list.loading && !list.data ? <p role="status">Loading consents…</p> : null}
        {list.data && consents.length === 0 ? <p>No consent recorded yet.</p> : null}
        {consents.length > 0 ? (
          <ConsentList consents={consents} titleOf={titleOf} canWrite={canWrite} onChanged={list.reload} />
        ) : null}
      </div>
    </>
  );

  return (
    <section className="q-section" aria-labelledby="consent-heading">
      <h3 id="consent-heading">Consent</h3>
      {error ? <Notice kind="error">{error.detail ?? error.title}</Notice> : null}
      {folded ? (
        <FoldedSection
          opened={folded.opened}
          summary={list.data ? `${consentLine(current, current ? titleOf(current) : '')}.` : 'Consent'}
        >
          {body}
        </FoldedSection>
      ) : (
        body
      )}
    </section>
  );
}
