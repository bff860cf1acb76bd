// CompletedTasks: tasks done in the last week, struck through, with who completed them and their note.
import { Link } from 'react-router';
import type { TaskView } from '../../../src/store/alerts.ts';
import { formatDateTime } from '../ui/format.ts';

interface CompletedTasksProps {
  tasks: readonly TaskView[];
  names: Readonly<Record<string, string>>;
}

/** A plain list; the title is struck through and the completion stays readable. */
export function CompletedTasks({ tasks, names }: CompletedTasksProps) {
  if (tasks.length === 0) return <p className="muted">No tasks completed in the last week.</p>;
  return (
    <ul className="plain-list completed-tasks">
      {tasks.map((t) => (
        <li key={t.id}>
          <del className="task-done">{t.title}</del>{' '}
          <Link to={`/patients/${t.patientId}`}>{names[t.patientId] ?? 'Open chart'}</Link>
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
