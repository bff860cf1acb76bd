// Object-level access to a dosing session through its patient; writes obey the domain's rule that a discharged
// session is closed (`sessionWriteRefusal`).
import type { FastifyRequest } from 'fastify';
import { sessionWriteRefusal } from '../domain/treatment/administration-state.ts';
import { findSession } from '../store/treatment.ts';
import type { AppContext } from './context.ts';
import { patientAccess } from './patient-access.ts';
import { problem, ruleRefusal } from './problem.ts';

type WithId = FastifyRequest & { params: { id: string } };

async function sessionOf(ctx: AppContext, req: WithId, action: string, forWrite: boolean) {
  const session = await findSession(ctx.db, req.params.id);
  if (!session) throw problem('not-found');
  const access = await patientAccess(ctx, req, session.patient_id, action);
  const closed = forWrite ? sessionWriteRefusal(session.discharged_at !== null) : null;
  if (closed) throw ruleRefusal('blocked', closed.code, closed.text);
  return { session, access };
}

/** The session behind `:id` when the user may see its patient, else 404. */
export function visibleSession(ctx: AppContext, req: WithId, action: string) {
  return sessionOf(ctx, req, action, false);
}

/** `visibleSession` for a write: a discharged session is closed (409 `session-discharged`). */
export function writableSession(ctx: AppContext, req: WithId, action: string) {
  return sessionOf(ctx, req, action, true);
}
