// InviteLink: after adding a user, the invitation link to pass on (or word that they can sign in now).
import { useId, useState } from 'react';
import { Notice } from '../ui/Notice.tsx';

interface InviteLinkProps {
  name: string;
  path?: string | undefined;
  days?: number | undefined;
}

/** A read-only link with a "Copy link" button. */
export function InviteLink({ name, path, days }: InviteLinkProps) {
  const id = useId();
  const [copied, setCopied] = useState<string | null>(null);
  if (!path)
    return <Notice kind="success">{name} was added and can sign in now with the password you set.</Notice>;
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
    <Notice kind="success">
      <p>
        {name} was added. Send them this invitation link{days ? `; it works for ${days} days` : ''}:
      </p>
      <div className="field">
        <label htmlFor={id}>Invitation link</label>
        <div className="search-row">
          <input id={id} type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
          <button type="button" onClick={copy}>
            Copy link
          </button>
        </div>
      </div>
      {copied ? <p>{copied}</p> : null}
    </Notice>
  );
}
