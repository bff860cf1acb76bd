// The controlled-drug register's settings: which regulator's record it keeps, and the witnesses each kind needs.
import { settingsReply } from '../../schemas/replies/cd-register.ts';
import type { Json } from '../../domain/audit/canonical-json.ts';
import { DEFAULT_WITNESSES, type EntryKind } from '../../domain/ledger/index.ts';
import { settingsBodySchema } from '../../schemas/cd-register.ts';
import {
  ledgerModeChosen,
  lockLedger,
  minimumWitnesses,
  readLedgerSettings,
  writeLedgerSettings,
  type LedgerSettings,
} from '../../store/ledger.ts';
import { settingsView } from '../cd-register/views.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { problem, type FieldError } from '../problem.ts';
import { recordChange } from '../record-change.ts';

/** A witness count below the legal minimum for its kind, as a field error citing the source. */
function belowMinimum(counts: Partial<Record<EntryKind, number>>): FieldError[] {
  return Object.entries(counts).flatMap(([kind, count]) => {
    const minimum = minimumWitnesses(kind as EntryKind);
    return count < minimum
      ? [
          {
            path: `body.witnessCounts.${kind}`,
            message: `At least ${minimum}: ${DEFAULT_WITNESSES[kind as EntryKind].source}`,
          },
        ]
      : [];
  });
}

export function cdRegisterSettingsRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/cd-register/settings', route('cd:read', { 200: settingsReply }), async () =>
    settingsView(await readLedgerSettings(ctx.db), await ledgerModeChosen(ctx.db)),
  );

  api.patch(
    '/cd-register/settings',
    route('cd:manage', { body: settingsBodySchema, 200: settingsReply }),
    async (req) => {
      const auth = authOf(req);
      const counts = req.body.witnessCounts ?? {};
      const errors = belowMinimum(counts);
      if (errors.length > 0)
        throw problem('validation-failed', 'A witness count is below the legal minimum.', errors);
      const now = ctx.now();
      const settings = await ctx.db.transaction(async (tx) => {
        // Under the register lock, so an entry is checked against one policy or the other, never half of each.
        await lockLedger(tx);
        const current = await readLedgerSettings(tx);
        const next: LedgerSettings = {
          mode: req.body.mode ?? current.mode,
          witnessCounts: { ...current.witnessCounts, ...counts },
        };
        await writeLedgerSettings(tx, next, auth.user.id);
        await recordChange(req, tx, {
          action: 'cd-settings.update',
          resource: { type: 'Settings', id: 'ledger' },
          details: { from: current as unknown as Json, to: next as unknown as Json },
          now,
        });
        return next;
      });
      return settingsView(settings, await ledgerModeChosen(ctx.db));
    },
  );
}
