// /services/:serviceId/protocols/:id/settings: a service's protocol settings with their defaults and sources;
// a change is a new audited version.
import { protocolSettingsChangedReply, protocolSettingsReply } from '../../schemas/replies/treatment.ts';
import { z } from 'zod';
import {
  effectiveProtocol,
  protocolSettings,
  type SettingOverrides,
} from '../../domain/treatment/protocol-settings.ts';
import { protocolRef } from '../../domain/treatment/index.ts';
import { storableString, uuid } from '../../schemas/common.ts';
import { protocolSettingsSchema } from '../../schemas/protocol-settings.ts';
import {
  addProtocolSettingsVersion,
  latestProtocolSettings,
  protocolSettingsHistory,
  type ProtocolSettingsRow,
} from '../../store/protocol-settings.ts';
import { findService } from '../../store/services.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { recordChange } from '../record-change.ts';
import { problem, ruleRefusal } from '../problem.ts';
import { protocolOr404 } from '../treatment/treatment-dose.ts';

const params = z.object({ serviceId: uuid, id: storableString().max(80) }).strict();

function versionView(r: ProtocolSettingsRow) {
  return {
    version: r.version,
    settings: r.overrides,
    reason: r.reason,
    changedAt: r.changed_at.toISOString(),
    changedBy: { id: r.changed_by, name: r.changed_by_name },
  };
}

/** The setting path a validator problem points at ("protocol.dose.hardMax.value" → "dose.hardMax"). */
function settingPath(path: string): string {
  return path.replace(/^protocol\./, '').replace(/\.(value|required)$/, '');
}

/** The new version holds the complete set: earlier values, then this change (null: back to the default). */
function mergedSettings(
  earlier: SettingOverrides,
  changes: Readonly<Record<string, number | boolean | null>>,
): Record<string, number | boolean> {
  const merged: Record<string, number | boolean> = { ...earlier };
  for (const [path, value] of Object.entries(changes)) {
    if (value === null) Reflect.deleteProperty(merged, path);
    else merged[path] = value;
  }
  return merged;
}

export function serviceProtocolRoutes(api: ZodApp, ctx: AppContext): void {
  async function serviceOr404(serviceId: string): Promise<void> {
    if (!(await findService(ctx.db, serviceId))) throw problem('not-found', 'No such service.');
  }

  api.get(
    '/services/:serviceId/protocols/:id/settings',
    route('authenticated', { params, 200: protocolSettingsReply }),
    async (req) => {
      const shipped = protocolOr404(req.params.id);
      await serviceOr404(req.params.serviceId);
      const history = await protocolSettingsHistory(ctx.db, req.params.serviceId, shipped.id);
      const overrides: SettingOverrides = history[0]?.overrides ?? {};
      return {
        serviceId: req.params.serviceId,
        protocol: protocolRef(shipped),
        version: history[0]?.version ?? null,
        settings: protocolSettings(shipped, overrides),
        versions: history.map(versionView),
      };
    },
  );

  api.post(
    '/services/:serviceId/protocols/:id/settings',
    route('settings:manage', { params, body: protocolSettingsSchema, 201: protocolSettingsChangedReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const shipped = protocolOr404(req.params.id);
      await serviceOr404(req.params.serviceId);
      const now = ctx.now();
      const created = await ctx.db.transaction(async (tx) => {
        const latest = await latestProtocolSettings(tx, req.params.serviceId, shipped.id);
        const merged = mergedSettings(latest?.overrides ?? {}, req.body.settings);
        const version = (latest?.version ?? 0) + 1;
        const outcome = effectiveProtocol(shipped, merged, { version, changedAt: now.toISOString() });
        if (!outcome.ok) {
          const first = outcome.problems[0];
          throw ruleRefusal(
            'out-of-bounds',
            first?.code ?? 'invalid-format',
            outcome.problems.map((p) => p.text).join(' '),
            { problems: outcome.problems },
            outcome.problems.map((p) => ({
              path: `body.settings.${settingPath(p.path.replace(/^settings\./, ''))}`,
              message: p.text,
            })),
          );
        }
        const row = await addProtocolSettingsVersion(tx, {
          serviceId: req.params.serviceId,
          protocolId: shipped.id,
          overrides: merged,
          reason: req.body.reason,
          changedAt: now,
          changedBy: auth.user.id,
        });
        await recordChange(req, tx, {
          action: 'protocol-settings.change',
          resource: { type: 'ProtocolSettings', id: row.id },
          details: {
            serviceId: req.params.serviceId,
            protocol: shipped.id,
            version: row.version,
            changed: req.body.settings,
            previousVersion: latest?.version ?? null,
          },
          now,
        });
        return row;
      });
      return reply.status(201).send({
        serviceId: req.params.serviceId,
        protocol: protocolRef(shipped),
        version: created.version,
        settings: protocolSettings(
          shipped,
          (await latestProtocolSettings(ctx.db, req.params.serviceId, shipped.id))?.overrides ?? {},
        ),
      });
    },
  );
}
