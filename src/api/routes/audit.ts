// The audit trail for auditors and administrators: entries, filtered, and a check that the chain is whole.
import { z } from 'zod';
import { uuid } from '../../schemas/common.ts';
import { auditChainReply, auditEntriesReply } from '../../schemas/replies/admin.ts';
import { verifyAuditChain } from '../../store/audit.ts';
import { listAuditEntries } from '../../store/audit-entries.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { auditAccess } from '../record-change.ts';

const auditQuery = z
  .object({
    patientId: uuid.optional(),
    actorId: uuid.optional(),
    flagged: z.enum(['true', 'false']).optional(),
    before: z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .describe('Entries whose seq (entry number) is below this, for paging'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export function auditRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/audit', route('audit:read', { querystring: auditQuery, 200: auditEntriesReply }), async (req) => {
    const q = req.query;
    const rows = await listAuditEntries(ctx.db, {
      patientId: q.patientId,
      actorId: q.actorId,
      flagged: q.flagged === undefined ? undefined : q.flagged === 'true',
      before: q.before,
      limit: q.limit,
    });
    await auditAccess(ctx, req, 'audit.read', 'AuditLog', undefined, { patientId: q.patientId ?? null });
    return {
      entries: rows.map((r) => ({
        seq: r.entry_id,
        chainSeq: r.seq,
        at: r.at.toISOString(),
        actor: r.actor_id ? { id: r.actor_id, displayName: r.display_name } : null,
        action: r.action,
        resourceType: r.resource_type,
        resourceId: r.resource_id,
        patientId: r.patient_id,
        outcome: r.outcome,
        ip: r.ip,
        flagged: r.flagged,
      })),
    };
  });

  api.get('/audit/verify', route('audit:read', { 200: auditChainReply }), async () =>
    verifyAuditChain(ctx.db),
  );
}
