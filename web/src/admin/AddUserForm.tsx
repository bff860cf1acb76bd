// AddUserForm: add a member of staff with roles and services, by invitation link or with a password set now.
import { useState, type SubmitEvent } from 'react';
import { createUserSchema, type UserView } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { PASSWORD_HINT } from '../auth/password-hint.ts';
import { useDraft } from '../forms/use-draft.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { useFormSubmit, zodErrors } from '../ui/use-form-submit.ts';
import type { Service } from './admin-types.ts';
import { InviteLink } from './InviteLink.tsx';
import { RoleServiceFields } from './RoleServiceFields.tsx';

interface Created {
  user: UserView;
  invitePath?: string;
  inviteExpiresInDays?: number;
}

const EMPTY = { displayName: '', email: '', password: '', roles: [] as string[], serviceIds: [] as string[] };

/** The "Add user" form. */
export function AddUserForm({ services, onAdded }: { services: Service[]; onAdded: () => void }) {
  const form = useFormSubmit();
  const [values, setValues, clearDraft] = useDraft('add-user', EMPTY, { omit: ['password'] });
  const [method, setMethod] = useState<'invite' | 'password'>('invite');
  const [created, setCreated] = useState<Created | null>(null);
  const set =
    <K extends keyof typeof EMPTY>(key: K) =>
    (value: (typeof EMPTY)[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const { password, ...rest } = values;
    const body = { ...rest, ...(method === 'password' ? { password } : {}) };
    const parsed = createUserSchema.safeParse(body);
    const local = parsed.success ? {} : zodErrors(parsed.error);
    if (method === 'password' && !password)
      local.password = 'Enter a password, or send an invitation instead';
    setCreated(null);
    void form.submit(async () => {
      setCreated(await api.post<Created>('/users', body));
      setValues(EMPTY);
      clearDraft();
      onAdded();
    }, local);
  };

  return (
    <div className="subsection">
      <h3>Add user</h3>
      {created ? (
        <InviteLink
          name={created.user.displayName}
          path={created.invitePath}
          days={created.inviteExpiresInDays}
        />
      ) : null}
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
        <div className="grid-2">
          <Field
            label="Name"
            value={values.displayName}
            onValue={set('displayName')}
            error={form.errors.displayName}
            autoComplete="off"
            required
          />
          <Field
            label="Email"
            type="email"
            value={values.email}
            onValue={set('email')}
            error={form.errors.email}
            autoComplete="off"
            required
          />
        </div>
        <RoleServiceFields
          roles={values.roles}
          serviceIds={values.serviceIds}
          services={services}
          onRoles={set('roles')}
          onServices={set('serviceIds')}
          rolesError={form.errors.roles}
          servicesError={
            form.errors.serviceIds ??
            Object.entries(form.errors).find(([k]) => k.startsWith('serviceIds.'))?.[1]
          }
        />
        <fieldset className="radio-group">
          <legend>How will they sign in?</legend>
          <label className="radio">
            <input
              type="radio"
              name="signin-method"
              checked={method === 'invite'}
              onChange={() => setMethod('invite')}
            />
            Send an invitation link (they choose their own password)
          </label>
          <label className="radio">
            <input
              type="radio"
              name="signin-method"
              checked={method === 'password'}
              onChange={() => setMethod('password')}
            />
            Set a password now
          </label>
        </fieldset>
        {method === 'password' ? (
          <Field
            label="Password"
            type="password"
            value={values.password}
            onValue={set('password')}
            error={form.errors.password}
            hint={PASSWORD_HINT}
            autoComplete="new-password"
            required
          />
        ) : null}
        <div className="actions">
          <button type="submit" disabled={form.busy}>
            Add user
          </button>
        </div>
      </form>
    </div>
  );
}
