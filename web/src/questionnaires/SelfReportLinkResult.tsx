// SelfReportLinkResult: the link just made, to copy and send, or to open here and hand the screen to the patient.
import { useId, useState } from 'react';
import { Notice } from '../ui/Notice.tsx';
import { formatDateTime } from '../ui/format.ts';

/** The reply to POST /patients/:id/self-report-links. */
export interface CreatedLink {
  id: string;
  path: string;
  expiresAt: string;
}

/** "Self-report link" (read-only), "Copy link", the expiry note and "Open kiosk mode". */
export function SelfReportLinkResult({ link }: { link: CreatedLink }) {
  const id = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const url = `${window.location.origin}${link.path}`;
  const copy = () => {
    // The clipboard API exists only in secure contexts (HTTPS or localhost).
    const clipboard = window.isSecureContext ? navigator.clipboard : undefined;
    if (!clipboard) {
      setCopied('Copying is not available here; select the link and copy it by hand.');
      return;
    }
    clipboard.writeText(url).then(
      () => {
        setCopied('Link copied.');
      },
      () => {
        setCopied('Could not copy; select the link and copy it by hand.');
      },
    );
  };
  return (
    <Notice kind="success">
      <div className="field">
        <label htmlFor={id}>Self-report link</label>
        <div className="search-row">
          <input
            id={id}
            type="text"
            readOnly
            value={url}
            aria-describedby={`${id}-note`}
            onFocus={(e) => {
              e.target.select();
            }}
          />
          <button type="button" onClick={copy}>
            Copy link
          </button>
        </div>
      </div>
      <p id={`${id}-note`}>Single use; expires {formatDateTime(link.expiresAt)}.</p>
      {copied ? <p>{copied}</p> : null}
      <p>
        {/* A full page load: the patient's page starts without the clinician's app around it. */}
        <a href={link.path} className="button button-secondary">
          Open kiosk mode
        </a>{' '}
        <span className="hint">Opens the questionnaire here, for the patient to fill in on this screen.</span>
      </p>
    </Notice>
  );
}
