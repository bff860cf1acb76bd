// SelfReportLinkResult: the link just made, to copy and send, or to open here and hand the screen to the patient.
import { CopyLink } from '../ui/CopyLink.tsx';
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
  return (
    <Notice kind="success">
      <CopyLink
        label="Self-report link"
        path={link.path}
        note={`Single use; expires ${formatDateTime(link.expiresAt)}.`}
      />
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
