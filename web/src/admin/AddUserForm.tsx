// AddUserForm: add a member of staff with roles and services, by invitation link or with a password set now.
import { useState } from 'react';
import { createUserSchema, type UserView } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { AccountFields, PasswordField } from '../auth/AccountFields.tsx';
import { useDraft } from '../forms/use-draft.ts';
import { Form } from '../ui/Form.tsx';
import { useForm } from '../ui/use-form.ts';
import type { Service } from './admin-types.ts';
import { InviteLink } from './InviteLink.tsx';
import { RoleServiceFields } from './RoleServiceFields.tsx';
import { SignInMethod, type Method } from './SignInMethod.tsx';

interface Created {
  user: UserView;
  invitePath?: string;
  inviteExpiresInDays?: number;
}

const EMPTY = { displayName: '', email: '', password: '', roles: [] as string[], serviceIds: [] as string[] };

/** The "Add user" form. */
export function AddUserForm({ services, onAdded }: { services: Service[]; onAdded: () => void }) {
  const draft = useDraft('add-user', EMPTY, { omit: ['password'] });
  const [method, setMethod] = useState<Method>('invite');
  const [created, setCreated] = useState<Created | null>(null);
  // With one service, it is ticked for a new member of staff until the admin changes the choice.
  const [servicesChosen, setServicesChosen] = useState(false);
  const only = services.length === 1 ? services[0]?.id : undefined;
  const serviceIdsOf = (chosen: string[]) => (servicesChosen || chosen.length > 0 || !only ? chosen : [only]);
  const form = useForm(createUserSchema, EMPTY, {
    state: draft,
    toBody: ({ password, serviceIds, ...rest }) => ({
      ...rest,
      serviceIds: serviceIdsOf(serviceIds),
      ...(method === 'password' ? { password } : {}),
    }),
  });
  const roleServiceForm = {
    values: { roles: form.values.roles, serviceIds: serviceIdsOf(form.values.serviceIds) },
    set: (key: 'roles' | 'serviceIds') =>
      key === 'serviceIds'
        ? (value: string[]) => {
            setServicesChosen(true);
            form.set('serviceIds')(value);
          }
        : form.set(key),
    errors: form.errors,
  };

  const onSubmit = () => {
    const local: Record<string, string> = {};
    if (method === 'password' && !form.values.password)
      local.password = 'Enter a password, or send an invitation instead';
    setCreated(null);
    void form.send(async (body) => {
      setCreated(await api.post<Created>('/users', body));
      form.clear();
      setServicesChosen(false);
      draft[2]();
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
      <Form form={form} onSubmit={onSubmit} submit="Add user">
        <div className="grid-2">
          <AccountFields
            purpose="someone-else"
            name={{ label: 'Name', ...form.field('displayName') }}
            email={form.field('email')}
          />
        </div>
        <RoleServiceFields form={roleServiceForm} services={services} />
        <SignInMethod method={method} onMethod={setMethod} />
        {method === 'password' ? <PasswordField fresh {...form.field('password')} /> : null}
      </Form>
    </div>
  );
}
