// StaffRow: one member of staff in the table, with enable/disable, edit and credentials opening beneath.
import { useState } from 'react';
import type { UserView } from '../../../src/schemas/auth.ts';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { Notice } from '../ui/Notice.tsx';
import { roleNames, type Service } from './admin-types.ts';
import { CredentialsPanel } from './CredentialsPanel.tsx';
import { EditUserForm } from './EditUserForm.tsx';

interface StaffRowProps {
  user: UserView;
  services: Service[];
  isSelf: boolean;
  onChanged: () => void;
}

function status(u: UserView): string {
  if (u.disabled) return 'Disabled';
  if (u.invitePending) return 'Invitation pending';
  return u.totpEnabled ? 'Active (second factor on)' : 'Active';
}

/** A table row, plus a detail row when editing or viewing credentials. */
export function StaffRow({ user, services, isSelf, onChanged }: StaffRowProps) {
  const [open, setOpen] = useState<'edit' | 'credentials' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const serviceNames = user.serviceIds
    .map((id) => services.find((s) => s.id === id)?.name ?? 'Unknown service')
    .join(', ');

  const setDisabled = (disabled: boolean) => {
    setBusy(true);
    setError(null);
    api.patch(`/users/${user.id}`, { disabled }).then(
      () => {
        setBusy(false);
        onChanged();
      },
      (err: unknown) => {
        setBusy(false);
        setError(asApiError(err));
      },
    );
  };
  const toggleOpen = (what: 'edit' | 'credentials') => setOpen((o) => (o === what ? null : what));

  return (
    <>
      <tr className={user.disabled ? 'row-muted' : undefined}>
        <th scope="row">
          {user.displayName}
          {isSelf ? ' (you)' : ''}
        </th>
        <td>{user.email}</td>
        <td>{roleNames(user.roles)}</td>
        <td>{serviceNames || '—'}</td>
        <td>{status(user)}</td>
        <td>
          <div className="row-actions">
            <button
              type="button"
              className="button-small button-secondary"
              aria-expanded={open === 'edit'}
              onClick={() => toggleOpen('edit')}
            >
              Edit<span className="visually-hidden"> {user.displayName}</span>
            </button>
            <button
              type="button"
              className="button-small button-secondary"
              aria-expanded={open === 'credentials'}
              onClick={() => toggleOpen('credentials')}
            >
              Credentials<span className="visually-hidden"> of {user.displayName}</span>
            </button>
            {isSelf ? null : (
              <button
                type="button"
                className="button-small button-secondary"
                disabled={busy}
                onClick={() => setDisabled(!user.disabled)}
              >
                {user.disabled ? 'Enable' : 'Disable'}
                <span className="visually-hidden"> {user.displayName}</span>
              </button>
            )}
          </div>
        </td>
      </tr>
      {error || open ? (
        <tr className="detail-row">
          <td colSpan={6}>
            {error ? <Notice kind="error">{error.detail ?? error.title}</Notice> : null}
            {open === 'edit' ? (
              <EditUserForm
                user={user}
                services={services}
                onSaved={() => {
                  setOpen(null);
                  onChanged();
                }}
              />
            ) : null}
            {open === 'credentials' ? <CredentialsPanel user={user} /> : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
