// The shared formulation the MDT edits together: versioned, with a stale-edit check so no one's text is lost.
import { formulationSchema } from '../../schemas/harm.ts';
import {
  insertFormulation,
  listFormulations,
  lockFormulationVersion,
  type FormulationRow,
} from '../../store/formulations.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { chartRead, chartWrite } from '../route.ts';
import { patientAccess, patientRead } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { added, recordChange } from '../record-change.ts';
import { formulationListReply, formulationSavedReply } from '../../schemas/replies/harm.ts';

/** One version as the chart shows it: the four texts, who wrote it and when. */
function formulationView(r: FormulationRow) {
  return {
    version: r.version,
    ...r.content,
    recordedAt: r.recorded_at.toISOString(),
    recordedBy: { displayName: r.display_name },
  };
}

export function patientFormulationRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/patients/:id/formulation', chartRead({ 200: formulationListReply }), async (req) => {
    const access = await patientRead(ctx, req, req.params.id, 'formulation.read', 'Formulation');
    const rows = await listFormulations(ctx.db, access.patientId);
    return { current: rows[0] ? formulationView(rows[0]) : null, history: rows.map(formulationView) };
  });

  api.post(
    '/patients/:id/formulation',
    chartWrite({ body: formulationSchema, 201: formulationSavedReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'formulation.create');
      const { baseVersion, ...content } = req.body;
      const now = ctx.now();
      const version = await ctx.db.transaction(async (tx) => {
        // Serialise MDT saves for this patient so two editors of the same version cannot both win.
        const current = await lockFormulationVersion(tx, access.patientId);
        if (baseVersion !== undefined && baseVersion !== current) {
          throw problem(
            'precondition-failed',
            `You edited version ${baseVersion}; version ${current} was saved since. Merge your changes into it.`,
          );
        }
        await insertFormulation(tx, {
          patientId: access.patientId,
          version: current + 1,
          content,
          at: now,
          by: auth.user.id,
        });
        const line = `Formulation version ${current + 1}`;
        await recordChange(req, tx, { ...added('formulation', String(current + 1), line), access, now });
        return current + 1;
      });
      return reply.status(201).send({ version });
    },
  );
}
