// SystemClientRow: one system client in the table, with its key replacement and disabling opening beneath.
import { useState } from 'react';
import type { SystemClientView } from '../../../../src/schemas/replies/system-clients.ts';
import { formatDateTime } from '../../ui/format.ts';
import type { Service } from '../admin-types.ts';
import { DisableClientForm } from './DisableClientForm.tsx';
import { ReplaceKeysForm } from './ReplaceKeysForm.tsx';

interface SystemClientRowProps {
  client: SystemClientView;
  services: Service[];
  onChanged: () => void;
}

/** "es-1 (EC), rsa-1 (RSA)": the key ids (or types) of the current set, never key material. */
const keyNames = (c: SystemClientView) =>
  c.keys.map((k) => (k.kid ? `${k.kid} (${k.kty})` : k.kty)).join(', ');

/** A table row, plus a detail row while replacing keys or confirming the disabling. */
export function SystemClientRow({ client, services, onChanged }: SystemClientRowProps) {
  const [open, setOpen] = useState<'keys' | 'disable' | null>(null);
  const serviceNames = client.serviceIds
    .map((id) => services.find((s) => s.id === id)?.name ?? 'Unknown service')
    .join(', ');
  const toggleOpen = (what: 'keys' | 'disable') => setOpen((o) => (o === what ? null : what));
  const done = () => {
    setOpen(null);
    onChanged();
  };

  return (
    <>
      <tr className={client.disabled ? 'row-muted' : undefined}>
        <th scope="row">{client.name}</th>
        <td>
          <code className="client-id">{client.id}</code>
        </td>
        <td>
          <code>{client.scope}</code>
        </td>
        <td>{serviceNames || '—'}</td>
        <td>
          {keyNames(client)} <span className="muted">(set {client.keyVersion})</span>
        </td>
        <td>
          {client.disabled ? (
            <span className="badge badge-danger">Disabled</span>
          ) : (
            <span className="badge badge-ok">Enabled</span>
          )}
        </td>
        <td className="nowrap">{formatDateTime(client.createdAt)}</td>
        <td>
          {client.disabled ? (
            '—'
          ) : (
            <div className="row-actions">
              <button
                type="button"
                className="button-small button-secondary"
                aria-expanded={open === 'keys'}
                onClick={() => toggleOpen('keys')}
              >
                Replace keys<span className="visually-hidden"> of {client.name}</span>
              </button>
              <button
                type="button"
                className="button-small button-secondary"
                aria-expanded={open === 'disable'}
                onClick={() => toggleOpen('disable')}
              >
                Disable<span className="visually-hidden"> {client.name}</span>
              </button>
            </div>
          )}
        </td>
      </tr>
      {open && !client.disabled ? (
        <tr className="detail-row">
          <td colSpan={8}>
            {open === 'keys' ? (
              <ReplaceKeysForm
                clientId={client.id}
                name={client.name}
                onReplaced={done}
                onBack={() => setOpen(null)}
              />
            ) : (
              <DisableClientForm
                clientId={client.id}
                name={client.name}
                onDisabled={done}
                onBack={() => setOpen(null)}
              />
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}
