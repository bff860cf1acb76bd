// InviteLink: after adding a user, the invitation link to pass on (or word that they can sign in now).
import { CopyLink } from '../ui/CopyLink.tsx';
import { Notice } from '../ui/Notice.tsx';

interface InviteLinkProps {
  name: string;
  path?: string | undefined;
  days?: number | undefined;
}

/** A read-only link with a "Copy link" button. */
export function InviteLink({ name, path, days }: InviteLinkProps) {
  if (!path)
    return <Notice kind="success">{name} was added and can sign in now with the password you set.</Notice>;
  return (
    <Notice kind="success">
      <p>
        {name} was added. Send them this invitation link{days ? `; it works for ${days} days` : ''}:
      </p>
      <CopyLink label="Invitation link" path={path} />
    </Notice>
  );
}
