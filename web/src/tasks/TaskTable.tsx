// TaskTable: open tasks, most pressing first: priority, what to do, for which patient, when raised, and "Complete".
import { Link } from 'react-router';
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
    <div className="table-wrap">
      <table className="data-table task-table">
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">Task</th>
            <th scope="col">Patient</th>
            <th scope="col">Created</th>
            <th scope="col">Assigned to</th>
            {canComplete ? <th scope="col">Complete</th> : null}
          </tr>
        </thead>
        <tbody>
          {tasks.map((t) => (
            <tr key={t.id} className={t.priority === 'urgent' ? 'row-severe' : undefined}>
              <td>
                <PriorityBadge priority={t.priority} />
              </td>
              <td>
                <p className="task-title">{t.title}</p>
                <p className="hint">{t.detail}</p>
              </td>
              <td className="nowrap">
                <Link to={`/patients/${t.patientId}`}>{t.patientName}</Link>
              </td>
              <td className="nowrap">{formatDateTime(t.createdAt)}</td>
              <td>{t.assignedTo?.displayName ?? 'Service queue'}</td>
              {canComplete ? (
                <td>
                  <NoteActionForm
                    path={`/tasks/${encodeURIComponent(t.id)}/complete`}
                    button="Complete"
                    label={`Complete task: ${t.title}`}
                    onDone={onCompleted}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
