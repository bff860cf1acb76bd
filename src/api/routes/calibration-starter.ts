// Starter calibration vignettes (C6): a supervisor loads the harm pack's fictional starter cases into a service,
// once; a second load adds nothing. Each case's engine level comes from the pack in force, as for written ones.
import { starterVignettes, type LevelNumber } from '../../domain/harm/index.ts';
import { starterVignettesReply } from '../../schemas/replies/calibration.ts';
import { starterVignettesSchema } from '../../schemas/vignettes.ts';
import { packInForce } from '../../store/harm-packs.ts';
import { insertVignette, listVignettes, lockServiceVignettes } from '../../store/vignettes.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { evaluateOrRefuse } from '../harm-evaluation.ts';
import { recordChange } from '../record-change.ts';
import { route } from '../route.ts';
import { vignetteService } from './calibration.ts';

export function calibrationStarterRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/calibration/vignettes/starter',
    route('supervision', { body: starterVignettesSchema, 200: starterVignettesReply }),
    async (req) => {
      const auth = authOf(req);
      const serviceId = vignetteService(
        auth.user.service_ids,
        req.body.serviceId,
        'Choose the service to load the starter vignettes into',
      );
      const pack = await packInForce(ctx.db);
      const evaluated = starterVignettes.map((v) => ({ v, ...evaluateOrRefuse(v.assessment, pack) }));
      const now = ctx.now();
      return ctx.db.transaction(async (tx) => {
        await lockServiceVignettes(tx, serviceId);
        const titles = new Set((await listVignettes(tx, [serviceId])).map((r) => r.title));
        const added: { id: string; title: string; referenceLevel: LevelNumber }[] = [];
        for (const { v, assessment, evaluation } of evaluated) {
          if (titles.has(v.title)) continue;
          const row = await insertVignette(tx, {
            serviceId,
            title: v.title,
            narrative: v.narrative,
            assessment,
            referenceLevel: v.referenceLevel,
            engineLevel: evaluation.level,
            contentVersion: evaluation.contentVersion,
            by: auth.user.id,
            at: now,
          });
          await recordChange(req, tx, {
            action: 'calibration-vignette.create',
            resource: { type: 'CalibrationVignette', id: row.id },
            details: { starter: v.key },
            now,
          });
          added.push({ id: row.id, title: row.title, referenceLevel: v.referenceLevel });
        }
        // One entry for the request itself, so a load that added nothing is audited too.
        await recordChange(req, tx, {
          action: 'calibration-starter-vignettes.load',
          resource: { type: 'Service', id: serviceId },
          details: { added: added.length },
          now,
        });
        return { serviceId, added, alreadyLoaded: starterVignettes.length - added.length };
      });
    },
  );
}
