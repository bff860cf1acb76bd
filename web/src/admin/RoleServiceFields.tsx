// RoleServiceFields: the role and service checkboxes used when adding or editing a member of staff.
import { ROLES } from '../../../src/domain/access/roles.ts';
import type { FieldErrors } from '../api/api-error.ts';
import { CheckboxGroup } from '../ui/CheckboxGroup.tsx';
import { errorAt } from '../ui/form-values.ts';
import { ROLE_LABELS, type Service } from './admin-types.ts';

interface RoleServiceFieldsProps {
  form: {
    values: { roles: string[]; serviceIds: string[] };
    set: (key: 'roles' | 'serviceIds') => (value: string[]) => void;
    errors: FieldErrors;
  };
  services: Service[];
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] ?? role }));

/** Two fieldsets of checkboxes: "Roles" and "Services". */
export function RoleServiceFields({ form, services }: RoleServiceFieldsProps) {
  return (
    <div className="grid-2">
      <CheckboxGroup
        legend="Roles"
        options={ROLE_OPTIONS}
        values={form.values.roles}
        onValues={form.set('roles')}
        error={form.errors.roles}
      />
      <ServiceChoice legend="Services" services={services} form={form} />
    </div>
  );
}

/** The services to choose from as checkboxes (staff, system clients), with the form's `serviceIds` error. */
export function ServiceChoice({
  legend,
  services,
  form,
}: {
  legend: string;
  services: Service[];
  form: {
    values: { serviceIds: string[] };
    set: (key: 'serviceIds') => (value: string[]) => void;
    errors: FieldErrors;
  };
}) {
  return (
    <CheckboxGroup
      legend={legend}
      options={services.map((s) => ({ value: s.id, label: s.name }))}
      values={form.values.serviceIds}
      onValues={form.set('serviceIds')}
      error={errorAt(form.errors, 'serviceIds')}
    >
      {services.length === 0 ? <p className="hint">No services yet.</p> : null}
    </CheckboxGroup>
  );
}
