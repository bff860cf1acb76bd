// CredentialsPanel: a member of staff's professional credentials (life support, registration) and their expiry.
import { useId, useState, type SubmitEvent } from 'react';
import { credentialSchema, type UserView } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { useApiData } from '../api/use-api-data.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { Notice } from '../ui/Notice.tsx';
import { formatDate } from '../ui/format.ts';
import { useFormSubmit, zodErrors } from '../ui/use-form-submit.ts';
import type { Credential } from './admin-types.ts';

const SUGGESTED_KINDS = ['ACLS', 'BLS', 'Prescriber registration'];
const EMPTY = { kind: '', identifier: '', issuedOn: '', expiresOn: '' };

/** The credentials table and the "Add credential" form for one user. */
export function CredentialsPanel({ user }: { user: UserView }) {
  const listId = useId();
  const credentials = useApiData<{ credentials: Credential[] }>(`/users/${user.id}/credentials`);
  const form = useFormSubmit();
  const [values, setValues] = useState(EMPTY);
  const set = (key: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const rows = credentials.data?.credentials ?? [];

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '')) as Partial<
      typeof EMPTY
    >;
    const parsed = credentialSchema.safeParse(body);
    void form.submit(
      async () => {
        await api.post(`/users/${user.id}/credentials`, body);
        setValues(EMPTY);
        credentials.reload();
      },
      parsed.success ? {} : zodErrors(parsed.error),
    );
  };

  return (
    <div className="subsection">
      <h3>Credentials of {user.displayName}</h3>
      {credentials.error ? (
        <Notice kind="error">{credentials.error.detail ?? credentials.error.title}</Notice>
      ) : null}
      {rows.length === 0 && !credentials.loading ? <p className="muted">No credentials recorded.</p> : null}
      {rows.length > 0 ? (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Identifier</th>
              <th scope="col">Issued</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} className={c.valid ? undefined : 'row-expired'}>
                <td>{c.kind}</td>
                <td>{c.identifier ?? '—'}</td>
                <td>{formatDate(c.issuedOn) || '—'}</td>
                <td>{formatDate(c.expiresOn) || 'No expiry'}</td>
                <td>
                  {c.valid ? (
                    <span className="badge badge-ok">Valid</span>
                  ) : (
                    <span className="badge badge-danger">Expired</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form
        onSubmit={onSubmit}
        noValidate
        className="stack"
        aria-label={`Add credential for ${user.displayName}`}
      >
        <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
        <div className="grid-4">
          <Field
            label="Kind"
            list={listId}
            value={values.kind}
            onValue={set('kind')}
            error={form.errors.kind}
            autoComplete="off"
            required
          />
          <Field
            label="Identifier"
            value={values.identifier}
            onValue={set('identifier')}
            error={form.errors.identifier}
            autoComplete="off"
          />
          <Field
            label="Issued on"
            type="date"
            value={values.issuedOn}
            onValue={set('issuedOn')}
            error={form.errors.issuedOn}
          />
          <Field
            label="Expires on"
            type="date"
            value={values.expiresOn}
            onValue={set('expiresOn')}
            error={form.errors.expiresOn}
          />
        </div>
        <datalist id={listId}>
          {SUGGESTED_KINDS.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
        <div className="actions">
          <button type="submit" disabled={form.busy}>
            Add credential
          </button>
        </div>
      </form>
    </div>
  );
}
