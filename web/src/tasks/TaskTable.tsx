// TaskTable: open tasks, most pressing first: priority, what to do, for which patient, when raised, and "Complete".
import { Link } from 'react-router';
import { DataTable } from '../ui/DataTable.tsx';
import { formatDateTime } from '../ui/format.ts';
import { NoteActionForm } from '../ui/NoteActionForm.tsx';
import { PriorityBadge } from './PriorityBadge.tsx';
import type { Task } from './task-types.ts';

interface TaskTableProps {
  tasks: readonly Task[];
  canComplete: boolean;
  onCompleted: () => void;
}

/** The open-task table. */
export function TaskTable({ tasks, canComplete, onCompleted }: TaskTableProps) {
  return (
    <DataTable
      className="data-table task-table"
      rows={tasks}
      rowKey={(t) => t.id}
      rowClassName={(t) => (t.priority === 'urgent' ? 'row-severe' : undefined)}
      columns={[
        { header: 'Priority', cell: (t) => <PriorityBadge priority={t.priority} /> },
        {
          header: 'Task',
          cell: (t) => (
            <>
              <p className="task-title">{t.title}</p>
              <p className="hint">{t.detail}</p>
            </>
          ),
        },
        {
          header: 'Patient',
          className: 'nowrap',
          cell: (t) => <Link to={`/patients/${t.patientId}`}>{t.patientName}</Link>,
        },
        { header: 'Created', className: 'nowrap', cell: (t) => formatDateTime(t.createdAt) },
        { header: 'Assigned to', cell: (t) => t.assignedTo?.displayName ?? 'Service queue' },
        canComplete && {
          header: 'Complete',
          cell: (t) => (
            <NoteActionForm
              path={`/tasks/${encodeURIComponent(t.id)}/complete`}
              button="Complete"
              // Unique on the page (each form is a landmark): the same task can be raised twice at once.
              label={`Complete task ${tasks.indexOf(t) + 1} of ${tasks.length}: ${t.title}, for ${t.patientName}`}
              onDone={onCompleted}
            />
          ),
        },
      ]}
    />
  );
}
