// StaffSection: the staff list with status and actions, and the form to add a member of staff.
import type { UserView } from '../../../src/schemas/auth.ts';
import { useApiData } from '../api/use-api-data.ts';
import { useSignedIn } from '../session/session-context.ts';
import { DataTable } from '../ui/DataTable.tsx';
import { Loaded } from '../ui/Loaded.tsx';
import { AddUserForm } from './AddUserForm.tsx';
import type { Service } from './admin-types.ts';
import { StaffRow } from './StaffRow.tsx';

const HEADERS = ['Name', 'Email', 'Roles', 'Services', 'Status', 'Actions'].map((header) => ({ header }));

/** The "Staff" section of /admin. */
export function StaffSection({ services }: { services: Service[] }) {
  const me = useSignedIn().user;
  const users = useApiData<{ users: UserView[] }>('/users');
  return (
    <section id="staff" className="panel" aria-labelledby="staff-heading">
      <h2 id="staff-heading">Staff</h2>
      <Loaded data={users} loading="Loading staff…">
        {({ users: list }) => (
          <DataTable
            columns={HEADERS}
            rows={list}
            rowKey={(u) => u.id}
            empty={null}
            row={(u) => (
              <StaffRow user={u} services={services} isSelf={u.id === me.id} onChanged={users.reload} />
            )}
          />
        )}
      </Loaded>
      <AddUserForm services={services} onAdded={users.reload} />
    </section>
  );
}
