// StaffSection: the staff list with status and actions, and the form to add a member of staff.
import type { UserView } from '../../../src/schemas/auth.ts';
import { useApiData } from '../api/use-api-data.ts';
import { useSignedIn } from '../session/session-context.ts';
import { Notice } from '../ui/Notice.tsx';
import { AddUserForm } from './AddUserForm.tsx';
import type { Service } from './admin-types.ts';
import { StaffRow } from './StaffRow.tsx';

/** The "Staff" section of /admin. */
export function StaffSection({ services }: { services: Service[] }) {
  const me = useSignedIn().user;
  const users = useApiData<{ users: UserView[] }>('/users');
  const list = users.data?.users ?? [];
  return (
    <section id="staff" className="panel" aria-labelledby="staff-heading">
      <h2 id="staff-heading">Staff</h2>
      {users.error ? <Notice kind="error">{users.error.detail ?? users.error.title}</Notice> : null}
      {users.loading && !users.data ? <p role="status">Loading staff…</p> : null}
      {list.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Roles</th>
                <th scope="col">Services</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <StaffRow
                  key={u.id}
                  user={u}
                  services={services}
                  isSelf={u.id === me.id}
                  onChanged={users.reload}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <AddUserForm services={services} onAdded={users.reload} />
    </section>
  );
}
