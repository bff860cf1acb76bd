// EditUserForm: change a member of staff's name, roles and services (their sessions end so new rights apply).
import { useState, type SubmitEvent } from 'react';
import { updateUserSchema, type UserView } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { useFormSubmit, zodErrors } from '../ui/use-form-submit.ts';
import type { Service } from './admin-types.ts';
import { RoleServiceFields } from './RoleServiceFields.tsx';

interface EditUserFormProps {
  user: UserView;
  services: Service[];
  onSaved: () => void;
}

/** Inline edit form under a staff row. */
export function EditUserForm({ user, services, onSaved }: EditUserFormProps) {
  const form = useFormSubmit();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [serviceIds, setServiceIds] = useState<string[]>(user.serviceIds);

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const same = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();
    // Only changed parts are sent: the server ends the person's sessions when roles or services change.
    const body = {
      ...(displayName.trim() !== user.displayName ? { displayName } : {}),
      ...(same(roles, user.roles) ? {} : { roles }),
      ...(same(serviceIds, user.serviceIds) ? {} : { serviceIds }),
    };
    const parsed = updateUserSchema.safeParse(body);
    void form.submit(
      async () => {
        if (Object.keys(body).length > 0) await api.patch(`/users/${user.id}`, body);
        onSaved();
      },
      parsed.success ? {} : zodErrors(parsed.error),
    );
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="stack inline-form"
      aria-label={`Edit ${user.displayName}`}
    >
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      <Field
        label="Name"
        value={displayName}
        onValue={setDisplayName}
        error={form.errors.displayName}
        required
      />
      <RoleServiceFields
        roles={roles}
        serviceIds={serviceIds}
        services={services}
        onRoles={setRoles}
        onServices={setServiceIds}
        rolesError={form.errors.roles}
        servicesError={
          form.errors.serviceIds ??
          Object.entries(form.errors).find(([k]) => k.startsWith('serviceIds.'))?.[1]
        }
      />
      <p className="hint">
        Changing roles or services signs this person out of any open session so the change takes effect at
        once.
      </p>
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Save changes
        </button>
      </div>
    </form>
  );
}
