// Reading the controlled-drug register: running balances, stock at a glance, discrepancies, chain check, reports.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Json } from '../../domain/audit/canonical-json.ts';
import { isoDate, type IsoDate } from '../../domain/harm/calendar-date.ts';
import {
  balanceTable,
  biennialInventory,
  correctionsOf,
  emptyBalance,
  localDateOf,
  lossReportDeadlines,
  runningBalances,
  standingQuantity,
  subtractMg,
  type Balance,
  type LedgerEntry,
  type Location,
  type Product,
} from '../../domain/ledger/index.ts';
import { entryIdParams, inventoryQuery, registerQuery, reportQuery } from '../../schemas/cd-register.ts';
import {
  findStoredEntry,
  keptBalances,
  listLocations,
  listProducts,
  listStoredEntries,
  readLedgerSettings,
  verifyLedgerChain,
} from '../../store/ledger.ts';
import {
  loadDirectory,
  staffIdsOf,
  staffNames,
  visibleLocationIds,
  type RegisterReader,
} from '../../store/ledger-directory.ts';
import { hasPermission } from '../../domain/access/roles.ts';
import { authOf, zodApp, type AppContext } from '../context.ts';
import { recordChange } from '../record-change.ts';
import { inventoryCsv, ukCsv, usCsv } from '../../documents/cd-register-csv.ts';
import { inventoryPdf, ukPdf, usPdf } from '../../documents/cd-register-pdf.ts';
import { ukSections, usSections, type InventoryLine } from '../../documents/cd-register-sections.ts';
import { problem } from '../problem.ts';
import { balanceView, entryView, locationView, productView, type Names } from './cd-register-json.ts';

const TAGS = ['cd-register'];

/** The reader of a register view: their services, and whether their role reads patients at all. */
function readerOf(req: FastifyRequest): RegisterReader {
  const { user } = authOf(req);
  return { serviceIds: user.service_ids, readsPatients: hasPermission(user.roles, 'patient:read') };
}

/**
 * What a reader may see of the register: the locations of their services (ledger-directory `visibleLocationIds`),
 * the entries at or transferring to them, and a directory naming only the patients they may read.
 */
interface Scope {
  readonly reader: RegisterReader;
  readonly locationIds: ReadonlySet<string>;
}

/** Every product at every location, zero when it never held stock: "none on hand" is stock at a glance too. */
function everyBalance(
  table: readonly Balance[],
  products: readonly Product[],
  locations: readonly Location[],
): Balance[] {
  return products.flatMap((p) =>
    locations.map(
      (l) => table.find((b) => b.productId === p.id && b.locationId === l.id) ?? emptyBalance(p.id, l.id),
    ),
  );
}

export function cdRegisterViewRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  /** One audit entry for a read that shows the register (patient ids and, in reports, names). */
  async function auditRegisterRead(req: FastifyRequest, action: string, details: Record<string, Json>) {
    const now = ctx.now();
    await ctx.db.transaction((tx) =>
      recordChange(req, tx, { action, resource: { type: 'CdRegister' }, details, now }),
    );
  }

  async function scopeOf(req: FastifyRequest): Promise<Scope> {
    const reader = readerOf(req);
    return { reader, locationIds: await visibleLocationIds(ctx.db, reader) };
  }

  const scopedLocations = async (scope: Scope): Promise<Location[]> =>
    (await listLocations(ctx.db)).filter((l) => scope.locationIds.has(l.id));

  const idsOf = (q: {
    productId?: string | undefined;
    locationId?: string | undefined;
  }): Record<string, Json> => ({
    productId: q.productId ?? null,
    locationId: q.locationId ?? null,
  });

  api.get(
    '/cd-register/entries',
    { config: { access: 'cd:read' }, schema: { tags: TAGS, querystring: registerQuery } },
    async (req) => {
      const { productId, locationId } = req.query;
      const scope = await scopeOf(req);
      const stored = await listStoredEntries(ctx.db, productId, scope.locationIds);
      const chain = new Map(stored.map((s) => [s.entry.id, s]));
      const entries = stored.map((s) => s.entry);
      const names: Names = await staffNames(ctx.db, staffIdsOf(entries));
      const view = (e: LedgerEntry) => entryView(e, names, chain.get(e.id));
      const lines = runningBalances(entries).flatMap((line) => {
        const { entry } = line;
        const balancesAfter = line.balancesAfter.filter(
          (b) =>
            scope.locationIds.has(b.locationId) && (locationId === undefined || b.locationId === locationId),
        );
        if (balancesAfter.length === 0) return [];
        const target =
          entry.correctsEntryId === undefined ? undefined : chain.get(entry.correctsEntryId)?.entry;
        return [
          {
            entry: view(entry),
            balancesAfter: balancesAfter.map((b) => balanceView(b, undefined)),
            // The original stays as written, shown struck through with its corrections (reg 20(c)).
            struck: line.correctedBy.length > 0,
            standing: entry.kind === 'correction' ? null : standingQuantity(entries, entry),
            corrections: correctionsOf(entries, entry.id).map(view),
            corrects: target === undefined ? null : { id: target.id, seq: target.seq, kind: target.kind },
          },
        ];
      });
      await auditRegisterRead(req, 'cd-register.read', { ...idsOf(req.query), lines: lines.length });
      return { mode: (await readLedgerSettings(ctx.db)).mode, lines };
    },
  );

  api.get(
    '/cd-register/entries/:id',
    { config: { access: 'cd:read' }, schema: { tags: TAGS, params: entryIdParams } },
    async (req) => {
      const stored = await findStoredEntry(ctx.db, req.params.id);
      const { locationIds } = await scopeOf(req);
      const at = [stored?.entry.locationId, stored?.entry.counterpartyLocationId];
      // An entry at none of the reader's locations answers as one that does not exist.
      if (!stored || !at.some((id) => id !== undefined && locationIds.has(id))) throw problem('not-found');
      const all = (await listStoredEntries(ctx.db, stored.entry.productId)).map((s) => s.entry);
      const corrections = correctionsOf(all, stored.entry.id);
      const names = await staffNames(ctx.db, staffIdsOf([stored.entry, ...corrections]));
      const now = ctx.now();
      await ctx.db.transaction((tx) =>
        recordChange(req, tx, {
          action: 'cd-entry.read',
          resource: { type: 'CdEntry', id: stored.entry.id },
          patientId: stored.entry.patientId ?? null,
          now,
        }),
      );
      return {
        entry: entryView(stored.entry, names, stored),
        struck: corrections.length > 0,
        standing: stored.entry.kind === 'correction' ? null : standingQuantity(all, stored.entry),
        corrections: corrections.map((c) => entryView(c, names)),
      };
    },
  );

  api.get('/cd-register/balances', { config: { access: 'cd:read' }, schema: { tags: TAGS } }, async (req) => {
    const scope = await scopeOf(req);
    // The kept balances (one row per product and location), not a sum over the whole register.
    const [products, locations, kept] = [
      await listProducts(ctx.db),
      await scopedLocations(scope),
      await keptBalances(ctx.db),
    ];
    const byProduct = new Map(products.map((p) => [p.id, p]));
    const byLocation = new Map(locations.map((l) => [l.id, l]));
    return {
      balances: everyBalance(kept, products, locations).map((b) => {
        const product = byProduct.get(b.productId);
        const location = byLocation.get(b.locationId);
        return {
          ...balanceView(b, product),
          product: product ? productView(product).label : null,
          location: location ? locationView(location) : null,
        };
      }),
    };
  });

  api.get(
    '/cd-register/discrepancies',
    { config: { access: 'cd:read' }, schema: { tags: TAGS } },
    async (req) => {
      const { mode } = await readLedgerSettings(ctx.db);
      const scope = await scopeOf(req);
      const entries = (await listStoredEntries(ctx.db, undefined, scope.locationIds)).map((s) => s.entry);
      const names = await staffNames(ctx.db, staffIdsOf(entries));
      const today = ctx.now().toISOString().slice(0, 10);
      const corrected = (e: LedgerEntry) => correctionsOf(entries, e.id).map((c) => c.id);
      const counts = entries
        .filter((e) => e.kind === 'count' && e.effects.length > 0 && e.expected !== undefined)
        .map((e) => {
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
            correctedBy: corrected(e),
          };
        });
      const losses = entries
        .filter((e) => e.kind === 'loss')
        .map((e) => {
          const steps = lossReportDeadlines(e.occurredAt, mode);
          const deadlines = steps.ok ? steps.value : [];
          return {
            entry: entryView(e, names),
            theft: e.theft ?? false,
            discoveredOn: localDateOf(e.occurredAt) ?? null,
            deadlines,
            overdue: deadlines.filter((d) => d.dueBy !== null && d.dueBy < today).map((d) => d.code),
            correctedBy: corrected(e),
          };
        });
      return { mode, counts, losses };
    },
  );

  api.get('/cd-register/verify', { config: { access: 'cd:read' }, schema: { tags: TAGS } }, async () =>
    verifyLedgerChain(ctx.db),
  );

  /** What every report carries at the foot: when, by whom, and the chain head it was made from (an anchor). */
  async function footer(req: FastifyRequest): Promise<string> {
    const chain = await verifyLedgerChain(ctx.db);
    const state = chain.intact
      ? `chain intact, ${chain.rows} entries, head ${chain.headHash}`
      : `CHAIN BROKEN at entry ${chain.brokenAt?.seq ?? '?'}`;
    return `Generated by KASPR on ${ctx.now().toISOString()} for ${authOf(req).user.display_name}; ${state}. Entries are never altered.`;
  }

  async function send(
    reply: FastifyReply,
    format: 'json' | 'csv' | 'pdf',
    name: string,
    json: unknown,
    csv: () => string,
    pdf: () => Promise<Buffer>,
  ) {
    if (format === 'csv')
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(csv());
    if (format === 'pdf')
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(await pdf());
    return json;
  }

  async function reportData(
    req: FastifyRequest,
    query: { productId?: string | undefined; locationId?: string | undefined },
  ) {
    const scope = await scopeOf(req);
    const [products, locations, stored] = [
      await listProducts(ctx.db),
      await scopedLocations(scope),
      await listStoredEntries(ctx.db, query.productId, scope.locationIds),
    ];
    if (query.productId !== undefined && !products.some((p) => p.id === query.productId))
      throw problem('not-found', 'No such product.');
    if (query.locationId !== undefined && !locations.some((l) => l.id === query.locationId))
      throw problem('not-found', 'No such location.');
    const entries = stored.map((s) => s.entry);
    return {
      products,
      locations,
      entries,
      directory: await loadDirectory(ctx.db, entries, locations, scope.reader),
    };
  }

  api.get(
    '/cd-register/reports/uk',
    { config: { access: 'cd:read' }, schema: { tags: TAGS, querystring: reportQuery } },
    async (req, reply) => {
      const { products, locations, entries, directory } = await reportData(req, req.query);
      const sections = ukSections(entries, products, locations, directory, req.query);
      await auditRegisterRead(req, 'cd-report.uk', { ...idsOf(req.query), format: req.query.format });
      const generated = await footer(req);
      return send(
        reply,
        req.query.format,
        'cd-register-uk',
        { mode: 'uk', generatedAt: ctx.now().toISOString(), sections },
        () => ukCsv(sections),
        () => ukPdf(sections, generated),
      );
    },
  );

  api.get(
    '/cd-register/reports/us',
    { config: { access: 'cd:read' }, schema: { tags: TAGS, querystring: reportQuery } },
    async (req, reply) => {
      const { products, locations, entries, directory } = await reportData(req, req.query);
      const sections = usSections(entries, products, locations, directory, req.query);
      await auditRegisterRead(req, 'cd-report.us', { ...idsOf(req.query), format: req.query.format });
      const generated = await footer(req);
      return send(
        reply,
        req.query.format,
        'cd-record-us',
        { mode: 'us', generatedAt: ctx.now().toISOString(), sections },
        () => usCsv(sections),
        () => usPdf(sections, generated),
      );
    },
  );

  api.get(
    '/cd-register/reports/inventory',
    { config: { access: 'cd:read' }, schema: { tags: TAGS, querystring: inventoryQuery } },
    async (req, reply) => {
      const { takenAt, format } = req.query;
      const asOf: IsoDate =
        isoDate(req.query.asOf ?? ctx.now().toISOString().slice(0, 10)) ?? ('' as IsoDate);
      const { mode } = await readLedgerSettings(ctx.db);
      const scope = await scopeOf(req);
      const [products, locations, stored] = [
        await listProducts(ctx.db),
        await scopedLocations(scope),
        await listStoredEntries(ctx.db, undefined, scope.locationIds),
      ];
      // On hand at the opening of business: entries dated before that day; at the close: up to and including it.
      const upTo = stored
        .map((s) => s.entry)
        .filter((e) => {
          const date = localDateOf(e.occurredAt);
          return date !== undefined && (takenAt === 'opening' ? date < asOf : date <= asOf);
        });
      const balances = everyBalance(balanceTable(upTo), products, locations);
      const inventory = biennialInventory(balances, products, asOf, takenAt);
      const byLocation = new Map(locations.map((l) => [l.id, l]));
      const lines: InventoryLine[] = inventory.rows
        .map((row) => {
          const location = byLocation.get(row.locationId);
          return { premises: location?.premisesId ?? '', location: location?.name ?? row.locationId, row };
        })
        .sort((a, b) => a.premises.localeCompare(b.premises) || a.location.localeCompare(b.location));
      const generated = await footer(req);
      return send(
        reply,
        format,
        `cd-inventory-${asOf}`,
        {
          mode,
          asOf,
          takenAt,
          rows: lines.map((l) => ({
            ...l.row,
            location: { id: l.row.locationId, name: l.location, premises: l.premises },
          })),
        },
        () => inventoryCsv(inventory, lines),
        () => inventoryPdf(inventory, lines, mode, generated),
      );
    },
  );
}
