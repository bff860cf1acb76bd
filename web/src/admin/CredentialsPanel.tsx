// CredentialsPanel: a member of staff's professional credentials (life support, registration) and their expiry.
import { useId } from 'react';
import { credentialSchema, type UserView } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { useApiData } from '../api/use-api-data.ts';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { formatDate } from '../ui/format.ts';
import { withoutBlanks } from '../ui/form-values.ts';
import { Loaded } from '../ui/Loaded.tsx';
import { useForm } from '../ui/use-form.ts';
import type { Credential } from './admin-types.ts';

const SUGGESTED_KINDS = ['ACLS', 'BLS', 'Prescriber registration'];
const EMPTY = { kind: '', identifier: '', issuedOn: '', expiresOn: '' };

const COLUMNS: readonly Column<Credential>[] = [
  { header: 'Kind', cell: (c) => c.kind },
  { header: 'Identifier', cell: (c) => c.identifier ?? '—' },
  { header: 'Issued', cell: (c) => formatDate(c.issuedOn) || '—' },
  { header: 'Expires', cell: (c) => formatDate(c.expiresOn) || 'No expiry' },
  {
    header: 'Status',
    cell: (c) =>
      c.valid ? (
        <span className="badge badge-ok">Valid</span>
      ) : (
        <span className="badge badge-danger">Expired</span>
      ),
  },
];

/** The credentials table and the "Add credential" form for one user. */
export function CredentialsPanel({ user }: { user: UserView }) {
  const listId = useId();
  const credentials = useApiData<{ credentials: Credential[] }>(`/users/${user.id}/credentials`);
  const form = useForm(credentialSchema, EMPTY, { toBody: withoutBlanks });

  const onSubmit = () =>
    void form.send(async (body) => {
      await api.post(`/users/${user.id}/credentials`, body);
      form.clear();
      credentials.reload();
    });

  return (
    <div className="subsection">
      <h3>Credentials of {user.displayName}</h3>
      <Loaded data={credentials} loading={null}>
        {(d) => (
          <DataTable
            columns={COLUMNS}
            rows={d.credentials}
            rowKey={(c) => c.id}
            rowClassName={(c) => (c.valid ? undefined : 'row-expired')}
            className="data-table compact"
            wrap={false}
            empty="No credentials recorded."
          />
        )}
      </Loaded>
      <Form
        form={form}
        onSubmit={onSubmit}
        submit="Add credential"
        label={`Add credential for ${user.displayName}`}
      >
        <div className="grid-4">
          <Field label="Kind" list={listId} {...form.field('kind')} autoComplete="off" required />
          <Field label="Identifier" {...form.field('identifier')} autoComplete="off" />
          <Field label="Issued on" type="date" {...form.field('issuedOn')} />
          <Field label="Expires on" type="date" {...form.field('expiresOn')} />
        </div>
        <datalist id={listId}>
          {SUGGESTED_KINDS.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
      </Form>
    </div>
  );
}
