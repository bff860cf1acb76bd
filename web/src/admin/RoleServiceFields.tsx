// RoleServiceFields: the role and service checkboxes used when adding or editing a member of staff.
import { useId } from 'react';
import { ROLES } from '../../../src/domain/access/roles.ts';
import { ROLE_LABELS, type Service } from './admin-types.ts';

interface RoleServiceFieldsProps {
  roles: string[];
  serviceIds: string[];
  services: Service[];
  onRoles: (roles: string[]) => void;
  onServices: (ids: string[]) => void;
  rolesError?: string | undefined;
  servicesError?: string | undefined;
}

const toggle = (list: string[], value: string, on: boolean) =>
  on ? [...list, value] : list.filter((v) => v !== value);

/** Two fieldsets of checkboxes: "Roles" and "Services". */
export function RoleServiceFields(props: RoleServiceFieldsProps) {
  const id = useId();
  return (
    <div className="grid-2">
      <fieldset
        className="checkbox-group"
        aria-describedby={props.rolesError ? `${id}-roles-error` : undefined}
      >
        <legend>Roles</legend>
        {props.rolesError ? (
          <p className="field-error" id={`${id}-roles-error`}>
            {props.rolesError}
          </p>
        ) : null}
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              checked={props.roles.includes(role)}
              onChange={(e) => props.onRoles(toggle(props.roles, role, e.target.checked))}
            />
            {ROLE_LABELS[role] ?? role}
          </label>
        ))}
      </fieldset>
      <fieldset
        className="checkbox-group"
        aria-describedby={props.servicesError ? `${id}-services-error` : undefined}
      >
        <legend>Services</legend>
        {props.servicesError ? (
          <p className="field-error" id={`${id}-services-error`}>
            {props.servicesError}
          </p>
        ) : null}
        {props.services.length === 0 ? <p className="hint">No services yet.</p> : null}
        {props.services.map((s) => (
          <label key={s.id} className="checkbox">
            <input
              type="checkbox"
              checked={props.serviceIds.includes(s.id)}
              onChange={(e) => props.onServices(toggle(props.serviceIds, s.id, e.target.checked))}
            />
            {s.name}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
