// TasksPage: the clinician's own tasks or the service's shared queue, to work through and complete.
import { useState } from 'react';
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSession } from '../session/session-context.ts';
import { Notice } from '../ui/Notice.tsx';
import { ToggleGroup } from '../ui/ToggleGroup.tsx';
import { CompletedTasks } from './CompletedTasks.tsx';
import { TaskTable } from './TaskTable.tsx';
import type { TaskList } from './task-types.ts';

type Scope = 'mine' | 'service';
const SCOPES: readonly { id: Scope; label: string }[] = [
  { id: 'mine', label: 'My tasks' },
  { id: 'service', label: 'Service queue' },
];

/** /tasks. */
export function TasksPage() {
  usePageTitle('Tasks');
  const { can } = useSession();
  const [scope, setScope] = useState<Scope>('mine');
  const list = useApiData<TaskList>(`/tasks?scope=${scope}`);
  const tasks = list.data?.tasks ?? [];
  const open = tasks.filter((t) => t.completed === null);
  const done = tasks.filter((t) => t.completed !== null);

  return (
    <>
      <h1>Tasks</h1>
      <ToggleGroup label="Which tasks" options={SCOPES} value={scope} onValue={setScope} />
      {list.error ? <Notice kind="error">{list.error.detail ?? list.error.title}</Notice> : null}
      <section aria-labelledby="open-tasks-heading">
        <h2 id="open-tasks-heading">Open tasks</h2>
        {list.loading && !list.data ? <p role="status">Loading tasks…</p> : null}
        {list.data && open.length === 0 ? (
          <p>{scope === 'mine' ? 'No open tasks for you.' : 'No open tasks in your services.'}</p>
        ) : null}
        {open.length > 0 ? (
          <TaskTable tasks={open} canComplete={can('patient:write')} onCompleted={list.reload} />
        ) : null}
      </section>
      <section aria-labelledby="done-tasks-heading" className="subsection">
        <h2 id="done-tasks-heading">Completed in the last week</h2>
        {list.data ? <CompletedTasks tasks={done} /> : null}
      </section>
    </>
  );
}
