// Checks that ids a request refers to name real records, so an unknown id is a 422 naming the field, not a 500.
import type { Queryable } from '../store/db.ts';
import { activeStaffInService } from '../store/users.ts';
import { problem, type FieldError } from './problem.ts';

/**
 * Refuses with 422 (naming each field) unless every given user id is an active staff member of the service:
 * a task, message or appointment for someone who cannot open the patient's record would never be seen.
 * `refs` maps the field path (e.g. "body.assignedTo") to the id sent; fields left out are not checked.
 */
export async function requireStaffOfService(
  db: Queryable,
  serviceId: string,
  refs: Record<string, string | null | undefined>,
): Promise<void> {
  const sent = Object.entries(refs).filter((e): e is [string, string] => typeof e[1] === 'string');
  if (sent.length === 0) return;
  const known = await activeStaffInService(
    db,
    serviceId,
    sent.map(([, id]) => id),
  );
  const errors: FieldError[] = sent
    .filter(([, id]) => !known.has(id.toLowerCase()))
    .map(([path]) => ({
      path,
      message: 'No active staff member with this id works in the patient’s service',
    }));
  if (errors.length > 0) throw problem('validation-failed', undefined, errors);
}
