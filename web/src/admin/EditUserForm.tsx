// EditUserForm: change a member of staff's name, roles and services (their sessions end so new rights apply).
import { updateUserSchema, type UserView } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { useForm } from '../ui/use-form.ts';
import type { Service } from './admin-types.ts';
import { RoleServiceFields } from './RoleServiceFields.tsx';

interface EditUserFormProps {
  user: UserView;
  services: Service[];
  onSaved: () => void;
}

const same = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();

/** Inline edit form under a staff row. */
export function EditUserForm({ user, services, onSaved }: EditUserFormProps) {
  const initial = { displayName: user.displayName, roles: user.roles, serviceIds: user.serviceIds };
  // Only changed parts are sent: the server ends the person's sessions when roles or services change.
  const form = useForm(updateUserSchema, initial, {
    toBody: ({ displayName, roles, serviceIds }) => ({
      ...(displayName.trim() !== user.displayName ? { displayName } : {}),
      ...(same(roles, user.roles) ? {} : { roles }),
      ...(same(serviceIds, user.serviceIds) ? {} : { serviceIds }),
    }),
  });

  const onSubmit = () =>
    void form.send(async (body) => {
      if (Object.keys(body).length > 0) await api.patch(`/users/${user.id}`, body);
      onSaved();
    });

  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      submit="Save changes"
      label={`Edit ${user.displayName}`}
      className="stack inline-form"
    >
      <Field label="Name" {...form.field('displayName')} required />
      <RoleServiceFields form={form} services={services} />
      <p className="hint">
        Changing roles or services signs this person out of any open session so the change takes effect at
        once.
      </p>
    </Form>
  );
}
