// CopyLink: a read-only link with a "Copy link" button, for links passed on by hand (invitations, self-report).
import { useId, useState } from 'react';

interface CopyLinkProps {
  label: string;
  /** The app path; the link shown is this server's origin plus the path. */
  path: string;
  /** A note read with the link (e.g. when it expires). */
  note?: string;
}

/** The labelled link, selected on focus, its copy button and what copying did. */
export function CopyLink({ label, path, note }: CopyLinkProps) {
  const id = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const url = `${window.location.origin}${path}`;
  const copy = () => {
    // The clipboard API exists only in secure contexts (HTTPS or localhost).
    const clipboard = window.isSecureContext ? navigator.clipboard : undefined;
    if (!clipboard) {
      setCopied('Copying is not available here; select the link and copy it by hand.');
      return;
    }
    clipboard.writeText(url).then(
      () => setCopied('Link copied.'),
      () => setCopied('Could not copy; select the link and copy it by hand.'),
    );
  };
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <div className="search-row">
          <input
            id={id}
            type="text"
            readOnly
            value={url}
            aria-describedby={note ? `${id}-note` : undefined}
            onFocus={(e) => e.target.select()}
          />
          <button type="button" onClick={copy}>
            Copy link
          </button>
        </div>
      </div>
      {note ? <p id={`${id}-note`}>{note}</p> : null}
      {copied ? <p>{copied}</p> : null}
    </>
  );
}
