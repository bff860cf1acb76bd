// The audit trail for auditors and administrators: entries, filtered, and a check that the chain is whole.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { uuid } from '../../schemas/common.ts';
import { verifyAuditChain } from '../../store/audit.ts';
import { auditFrom, zodApp, type AppContext } from '../context.ts';

const auditQuery = z
  .object({
    patientId: uuid.optional(),
    actorId: uuid.optional(),
    flagged: z.enum(['true', 'false']).optional(),
    before: z.coerce.number().int().positive().optional().describe('Entries with seq below this, for paging'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.get(
    '/audit',
    { config: { access: 'audit:read' }, schema: { tags: ['audit'], querystring: auditQuery } },
    async (req) => {
      const q = req.query;
      const params: unknown[] = [];
      const where: string[] = [];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replace('?', `$${params.length}`));
      };
      if (q.patientId) add('a.patient_id = ?', q.patientId);
      if (q.actorId) add('a.actor_id = ?', q.actorId);
      if (q.flagged) add('a.flagged = ?', q.flagged === 'true');
      if (q.before) add('a.seq < ?', q.before);
      params.push(q.limit);
      const rows = await ctx.db.query<{
        seq: number;
        at: Date;
        actor_id: string | null;
        display_name: string | null;
        action: string;
        resource_type: string;
        resource_id: string | null;
        patient_id: string | null;
        outcome: string;
        ip: string | null;
        flagged: boolean;
      }>(
        `SELECT a.seq, a.at, a.actor_id, u.display_name, a.action, a.resource_type, a.resource_id, a.patient_id,
              a.outcome, a.ip, a.flagged
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.seq DESC LIMIT $${params.length}`,
        params,
      );
      await ctx.db.transaction((tx) =>
        auditFrom(
          req,
          tx,
          {
            action: 'audit.read',
            resourceType: 'AuditLog',
            patientId: q.patientId ?? null,
            outcome: 'success',
          },
          ctx.now(),
        ),
      );
      return {
        entries: rows.map((r) => ({
          seq: r.seq,
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
    },
  );

  api.get('/audit/verify', { config: { access: 'audit:read' }, schema: { tags: ['audit'] } }, async () =>
    verifyAuditChain(ctx.db),
  );
}
