// CompletedTasks: tasks done in the last week, struck through, with who completed them and their note.
import { Link } from 'react-router';
import { formatDateTime } from '../ui/format.ts';
import type { Task } from './task-types.ts';

interface CompletedTasksProps {
  tasks: readonly Task[];
}

/** A plain list; the title is struck through and the completion stays readable. */
export function CompletedTasks({ tasks }: CompletedTasksProps) {
  if (tasks.length === 0) return <p className="muted">No tasks completed in the last week.</p>;
  return (
    <ul className="plain-list completed-tasks">
      {tasks.map((t) => (
        <li key={t.id}>
          <del className="task-done">{t.title}</del>{' '}
          <Link to={`/patients/${t.patientId}`}>{t.patientName}</Link>
          <span className="muted">
            {' '}
            — completed by {t.completed?.by} on {formatDateTime(t.completed?.at)}
            {t.completed?.note ? `: “${t.completed.note}”` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
