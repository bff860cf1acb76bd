// A clinician's task as a FHIR Task (pure): requested until completed; its focus is the alert or response
// that raised it.
import type { TaskRow } from '../../store/fhir-harm.ts';
import type { Task } from './harm-types.ts';
import { instant, meta, prune, ref, text } from './common.ts';

// KASPR priority → http://hl7.org/fhir/request-priority (fhir.md §1.2).
const PRIORITY: Record<string, Task['priority']> = { normal: 'routine', high: 'urgent', urgent: 'asap' };
const FOCUS: Record<string, string> = { Alert: 'Flag', QuestionnaireResponse: 'QuestionnaireResponse' };

/** A task; completing it is its second state, so it counts as version 2. */
export function toFhirTask(row: TaskRow): Task {
  const done = row.completed_at;
  const focus = FOCUS[row.source_type];
  return prune({
    resourceType: 'Task' as const,
    id: row.id,
    meta: meta(done ? 2 : 1, done ?? row.created_at),
    status: done ? ('completed' as const) : ('requested' as const),
    intent: 'order' as const,
    priority: PRIORITY[row.priority],
    code: { text: row.title },
    description: [text(row.title), text(row.detail)].filter(Boolean).join(': '),
    focus: focus ? ref(focus, row.source_id) : undefined,
    for: ref('Patient', row.patient_id),
    authoredOn: instant(row.created_at),
    lastModified: instant(done ?? row.created_at),
    owner: row.assigned_to
      ? prune({ ...ref('Practitioner', row.assigned_to), display: text(row.assigned_to_name) })
      : undefined,
    executionPeriod: done ? { end: instant(done) } : undefined,
    note: text(row.note) ? [{ text: text(row.note) ?? '' }] : undefined,
  });
}
