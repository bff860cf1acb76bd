// The supervision queue (overrides, level-4 decisions, rising levels, overdue reviews) and supervisors' notes.
import { todayInServices } from '../services-today.ts';
import { supervisionNoteSchema } from '../../schemas/harm.ts';
import { insertSupervisionNote, supervisionQueue, supervisionTarget } from '../../store/supervision.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { problem } from '../problem.ts';
import { auditAccess, recordChange } from '../record-change.ts';
import { supervisionNoteReply, supervisionQueueReply } from '../../schemas/replies/harm.ts';

export function supervisionRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/supervision', route('supervision', { 200: supervisionQueueReply }), async (req) => {
    const auth = authOf(req);
    const today = await todayInServices(ctx.db, auth.user.service_ids, ctx.now());
    const queue = await supervisionQueue(ctx.db, auth.user.service_ids, today);
    await auditAccess(ctx, req, 'supervision.read', 'Supervision', { count: queue.items.length });
    return queue;
  });

  api.post(
    '/supervision/notes',
    route('supervision', { body: supervisionNoteSchema, 201: supervisionNoteReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const now = ctx.now();
      const target = await supervisionTarget(ctx.db, req.body.itemType, req.body.itemId);
      if (!target || !auth.user.service_ids.includes(target.service_id)) throw problem('not-found');
      const id = await ctx.db.transaction(async (tx) => {
        const noteId = await insertSupervisionNote(tx, {
          itemType: req.body.itemType,
          itemId: req.body.itemId,
          patientId: target.patient_id,
          note: req.body.note,
          signedOff: req.body.signOff,
          at: now,
          by: auth.user.id,
        });
        await recordChange(req, tx, {
          action: 'supervision.note',
          resource: { type: 'SupervisionNote', id: noteId },
          patientId: target.patient_id,
          timeline: {
            kind: 'supervision',
            summary: `Supervision ${req.body.signOff ? 'sign-off' : 'note'} (${req.body.itemType})`,
          },
          now,
        });
        return noteId;
      });
      return reply.status(201).send({ id });
    },
  );
}
