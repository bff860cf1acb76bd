// ConsentList: every consent, newest first: active or withdrawn, who signed and witnessed, its PDF and withdrawal.
import { formatDateTime } from '../ui/format.ts';
import { routeLabel } from './treatment-labels.ts';
import type { ConsentView } from './treatment-types.ts';
import { WithdrawConsent } from './WithdrawConsent.tsx';

interface ConsentListProps {
  consents: readonly ConsentView[];
  titleOf: (c: ConsentView) => string;
  canWrite: boolean;
  onChanged: () => void;
}

/** One item per consent, with "Consent PDF" (a new tab) and, while active, "Withdraw consent". */
export function ConsentList({ consents, titleOf, canWrite, onChanged }: ConsentListProps) {
  return (
    <ul className="plain-list consent-list" aria-label="Consents">
      {consents.map((c) => (
        <li key={c.id}>
          <p className="consent-line">
            <span className={`badge ${c.active ? 'badge-ok' : 'badge-danger'}`}>
              {c.active ? 'Active' : 'Withdrawn'}
            </span>{' '}
            <span className="label">{titleOf(c)}</span> ({routeLabel(c.route)}), version {c.documentVersion}
          </p>
          <p className="muted">
            Signed by {c.signature.name} ({c.signature.kind === 'drawn' ? 'drawn signature' : 'typed name'})
            on {formatDateTime(c.signedAt)}, recorded by {c.recordedBy}
            {c.witness ? `, witnessed by ${c.witness}` : ''}.
          </p>
          {c.withdrawn ? (
            <p>
              Withdrawn {formatDateTime(c.withdrawn.at)}
              {c.withdrawn.reason ? `: ${c.withdrawn.reason}` : ''}.
            </p>
          ) : null}
          <div className="row-actions">
            <a
              href={c.pdfPath}
              target="_blank"
              rel="noreferrer"
              className="button button-secondary button-small"
            >
              Consent PDF
            </a>
            {c.active && canWrite ? <WithdrawConsent consentId={c.id} onWithdrawn={onChanged} /> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
