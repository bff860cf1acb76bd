// Who a dosing session answers to: the prescriber who signed eligibility for its route, else who started it.
import type { Queryable } from './db.ts';

/** The display name of the session's prescriber (latest eligibility signer for the route, else the starter). */
export async function sessionPrescriberName(
  db: Queryable,
  s: { patientId: string; route: string; createdBy: string },
): Promise<string | null> {
  const rows = await db.query<{ display_name: string }>(
    `SELECT u.display_name FROM users u WHERE u.id = coalesce(
       (SELECT e.signed_by FROM treatment_eligibility e WHERE e.patient_id = $1 AND e.route = $2
        ORDER BY e.signed_at DESC LIMIT 1), $3::uuid)`,
    [s.patientId, s.route, s.createdBy],
  );
  return rows[0]?.display_name ?? null;
}
