// The discrepancy worklist: counts that differed from the register, and losses with their report deadlines.
import { todayInServices } from '../services-today.ts';
import { discrepanciesReply } from '../../schemas/replies/cd-register.ts';
import {
  correctionsOf,
  localDateOf,
  lossReportDeadlines,
  subtractMg,
  type LedgerEntry,
  type RegisterMode,
} from '../../domain/ledger/index.ts';
import { listStoredEntries, readLedgerSettings } from '../../store/ledger.ts';
import { staffIdsOf, staffNames } from '../../store/ledger-directory.ts';
import { scopeOf } from '../cd-register/access.ts';
import { entryView, type Names } from '../cd-register/views.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';

/** A count whose quantity differed from the balance it was checked against, with the explanation given. */
function countDiscrepancy(e: LedgerEntry, names: Names, correctedBy: string[]) {
  const expected = e.expected ?? e.quantity;
  return {
    entry: entryView(e, names),
    counted: e.quantity,
    expected,
    difference: {
      containers: e.quantity.containers - expected.containers,
      mg: subtractMg(e.quantity.mg, expected.mg),
    },
    explanation: e.reason ?? null,
    correctedBy,
  };
}

/** A loss with the reports the mode's law asks for, and those past their date today. */
function lossItem(e: LedgerEntry, names: Names, correctedBy: string[], mode: RegisterMode, today: string) {
  const steps = lossReportDeadlines(e.occurredAt, mode);
  const deadlines = steps.ok ? [...steps.value] : [];
  return {
    entry: entryView(e, names),
    theft: e.theft ?? false,
    discoveredOn: localDateOf(e.occurredAt) ?? null,
    deadlines,
    overdue: deadlines.filter((d) => d.dueBy !== null && d.dueBy < today).map((d) => d.code),
    correctedBy,
  };
}

export function cdRegisterDiscrepancyRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/cd-register/discrepancies', route('cd:read', { 200: discrepanciesReply }), async (req) => {
    const { mode } = await readLedgerSettings(ctx.db);
    const scope = await scopeOf(ctx, req);
    const entries = (await listStoredEntries(ctx.db, undefined, scope.locationIds)).map((s) => s.entry);
    const names = await staffNames(ctx.db, staffIdsOf(entries));
    // Overdue by the reader's services' calendar, not UTC's.
    const today = await todayInServices(ctx.db, authOf(req).user.service_ids, ctx.now());
    const corrected = (e: LedgerEntry) => correctionsOf(entries, e.id).map((c) => c.id);
    const counts = entries
      .filter((e) => e.kind === 'count' && e.effects.length > 0 && e.expected !== undefined)
      .map((e) => countDiscrepancy(e, names, corrected(e)));
    const losses = entries
      .filter((e) => e.kind === 'loss')
      .map((e) => lossItem(e, names, corrected(e), mode, today));
    return { mode, counts, losses };
  });
}
