// The pregnancy status recorded on an eligibility decision's checklist, for the session-start caution.
import { asPregnancyStatus, type PregnancyStatus } from '../domain/treatment/pregnancy.ts';
import type { Queryable } from './db.ts';

/** `{ pregnancyStatus }` from the eligibility's checklist, or `{}` when none is recorded (or no eligibility). */
export async function eligibilityPregnancy(
  db: Queryable,
  eligibilityId: string | undefined,
): Promise<{ pregnancyStatus?: PregnancyStatus }> {
  if (eligibilityId === undefined) return {};
  const [row] = await db.query<{ status: unknown }>(
    `SELECT checklist->>'pregnancyStatus' AS status FROM treatment_eligibility WHERE id = $1`,
    [eligibilityId],
  );
  const status = asPregnancyStatus(row?.status);
  return status === undefined ? {} : { pregnancyStatus: status };
}
