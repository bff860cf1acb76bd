// The controlled-drug register's HTTP API (capability C5): products, locations, settings, and appending entries.
// Entries are never updated or deleted (R23): there is no PATCH, PUT or DELETE route for them.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { hasPermission } from '../../domain/access/roles.ts';
import type { Json } from '../../domain/audit/canonical-json.ts';
import {
  DEFAULT_WITNESSES,
  ENTRY_KINDS,
  findBalance,
  makeProduct,
  openMg,
  type Balance,
  type EntryKind,
  type LedgerProblem,
  type Milligrams,
  type Product,
} from '../../domain/ledger/index.ts';
import { mgText } from '../../domain/ledger/format.ts';
import {
  entryBodySchema,
  locationBodySchema,
  productBodySchema,
  settingsBodySchema,
  type EntryBody,
} from '../../schemas/cd-register.ts';
import type { Queryable } from '../../store/db.ts';
import {
  currentBalances,
  findLocation,
  findLocationByName,
  findProduct,
  insertLocation,
  insertProduct,
  listLocations,
  listProducts,
  lockLedger,
  minimumWitnesses,
  policyOf,
  readLedgerSettings,
  recordLedgerEntry,
  writeLedgerSettings,
  type LedgerDraft,
  type LedgerSettings,
  type LedgerWriteResult,
} from '../../store/ledger.ts';
import { visibleLocationIds } from '../../store/ledger-directory.ts';
import { findUserById } from '../../store/users.ts';
import { authOf, zodApp, type AppContext } from '../context.ts';
import { patientAccess, type PatientAccess } from '../patient-access.ts';
import { problem, ruleRefusal, type FieldError } from '../problem.ts';
import { recordChange, recordRefusal } from '../record-change.ts';
import { balanceView, domainRefusal, entryView, locationView, productView } from './cd-register-json.ts';
import { cdRegisterViewRoutes } from './cd-register-read.ts';
import { witnessSignatures } from './cd-register-witness.ts';

const TAGS = ['cd-register'];

function settingsView(settings: LedgerSettings) {
  const policy = policyOf(settings);
  return {
    mode: settings.mode,
    witnessCounts: settings.witnessCounts,
    witnesses: Object.fromEntries(
      ENTRY_KINDS.map((kind) => [
        kind,
        {
          ...policy.witnesses[kind],
          minimum: minimumWitnesses(kind),
          default: DEFAULT_WITNESSES[kind].count,
        },
      ]),
    ),
  };
}

/** The API body as a domain draft (witnesses added by the caller, the author by the store). */
function draftOf(body: EntryBody): LedgerDraft {
  const draft: Record<string, unknown> = {
    kind: body.kind,
    productId: body.productId,
    locationId: body.locationId,
    quantity: body.quantity,
    occurredAt: body.occurredAt,
    patientId: body.patientId,
    sessionId: body.sessionId,
    administeredById: body.administeredById,
    prescriberId: body.prescriberId,
    counterpartyLocationId: body.toLocationId,
    supplier: body.supplier,
    invoiceNumber: body.invoice,
    lot: body.lot,
    expiry: body.expiry,
    destructionMethod: body.destructionMethod,
    theft: body.theft,
    reason: body.reason,
    lateEntryReason: body.lateEntryReason,
    correctsEntryId: body.correctsEntryId,
  };
  // Absent stays absent: the domain reads a present field as given (wrong-kind-fields, hashing).
  return Object.fromEntries(
    Object.entries(draft).filter(([, value]) => value !== undefined),
  ) as unknown as LedgerDraft;
}

/** The stock behind an `insufficient-stock` refusal: what is there, and what was asked for. */
function stockNumbers(body: EntryBody, product: Product, balances: readonly Balance[]) {
  const at = [body.locationId, ...(body.toLocationId ? [body.toLocationId] : [])];
  return {
    requested: body.quantity ?? null,
    stock: at.map((locationId) => {
      const b = findBalance(balances, body.productId, locationId);
      return { locationId, containers: b.containers, mg: b.mg, openedMg: openMg(b, product) };
    }),
  };
}

type WriteOutcome = LedgerWriteResult | { readonly ok: false; readonly registerChanged: Balance };

function timelineSummary(kind: EntryKind, mg: Milligrams, product: Product, seq: number): string {
  const what = `${mgText(mg, product)} ${product.drug}`;
  return kind === 'administration'
    ? `Controlled drug administered: ${what} (register entry ${seq})`
    : `Controlled drug ${kind}: ${what} (register entry ${seq})`;
}

export function cdRegisterRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  // ------------------------------------------------------------ products and locations

  api.get('/cd-register/products', { config: { access: 'cd:read' }, schema: { tags: TAGS } }, async () => ({
    products: (await listProducts(ctx.db)).map(productView),
  }));

  api.post(
    '/cd-register/products',
    { config: { access: 'cd:manage' }, schema: { tags: TAGS, body: productBodySchema } },
    async (req, reply) => {
      const auth = authOf(req);
      const body = req.body;
      const made = makeProduct({
        id: randomUUID(),
        drug: body.drug,
        form: body.form,
        ...('mgPerMl' in body.strength
          ? { strengthMgPerMl: body.strength.mgPerMl }
          : { mgPerUnit: body.strength.mgPerUnit }),
        containerSize: body.containerSize,
        containerName: body.containerName,
        code: body.code,
        schedule: body.schedule,
      });
      if (!made.ok) {
        const path = (p: LedgerProblem): string =>
          p.path === 'strengthMgPerMl'
            ? 'body.strength.mgPerMl'
            : p.path === 'mgPerUnit'
              ? 'body.strength.mgPerUnit'
              : `body.${p.path}`;
        const errors: FieldError[] = made.problems.map((p) => ({ path: path(p), message: p.text }));
        throw ruleRefusal(
          'out-of-bounds',
          'invalid-product',
          made.problems[0]?.text ?? '',
          undefined,
          errors,
        );
      }
      const product = made.value;
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await insertProduct(tx, product, auth.user.id, now);
        await recordChange(req, tx, {
          action: 'cd-product.create',
          resource: { type: 'CdProduct', id: product.id },
          details: { drug: product.drug, code: `${product.code.system}:${product.code.value}` },
          now,
        });
      });
      return reply.status(201).send(productView(product));
    },
  );

  api.get('/cd-register/locations', { config: { access: 'cd:read' }, schema: { tags: TAGS } }, async () => ({
    locations: (await listLocations(ctx.db)).map(locationView),
  }));

  api.post(
    '/cd-register/locations',
    { config: { access: 'cd:manage' }, schema: { tags: TAGS, body: locationBodySchema } },
    async (req, reply) => {
      const auth = authOf(req);
      const location = { id: randomUUID(), name: req.body.name, premisesId: req.body.premises };
      if (await findLocationByName(ctx.db, location.premisesId, location.name))
        throw problem('conflict', 'A location with that name already exists at those premises.');
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await insertLocation(tx, location, auth.user.id, now);
        await recordChange(req, tx, {
          action: 'cd-location.create',
          resource: { type: 'CdLocation', id: location.id },
          details: { name: location.name, premises: location.premisesId },
          now,
        });
      });
      return reply.status(201).send(locationView(location));
    },
  );

  // ------------------------------------------------------------ settings

  api.get('/cd-register/settings', { config: { access: 'cd:read' }, schema: { tags: TAGS } }, async () =>
    settingsView(await readLedgerSettings(ctx.db)),
  );

  api.patch(
    '/cd-register/settings',
    { config: { access: 'cd:manage' }, schema: { tags: TAGS, body: settingsBodySchema } },
    async (req) => {
      const auth = authOf(req);
      const counts = req.body.witnessCounts ?? {};
      const errors: FieldError[] = Object.entries(counts).flatMap(([kind, count]) => {
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
      return settingsView(settings);
    },
  );

  // ------------------------------------------------------------ entries

  /** A staff member the entry names must exist (and a prescriber must be one), or 422 naming the field. */
  async function checkStaff(body: EntryBody): Promise<void> {
    const errors: FieldError[] = [];
    if (body.administeredById !== undefined) {
      const user = await findUserById(ctx.db, body.administeredById);
      if (!user || user.disabled)
        errors.push({ path: 'body.administeredById', message: 'Not an active staff member' });
    }
    if (body.prescriberId !== undefined) {
      const user = await findUserById(ctx.db, body.prescriberId);
      if (!user || user.disabled || !hasPermission(user.roles, 'treatment:prescribe'))
        errors.push({ path: 'body.prescriberId', message: 'Not an active prescriber' });
    }
    if (errors.length > 0) throw problem('validation-failed', undefined, errors);
  }

  async function checkReferences(body: EntryBody): Promise<Product> {
    const product = await findProduct(ctx.db, body.productId);
    const errors: FieldError[] = [];
    if (!product) errors.push({ path: 'body.productId', message: 'No such product' });
    if (!(await findLocation(ctx.db, body.locationId)))
      errors.push({ path: 'body.locationId', message: 'No such location' });
    if (body.toLocationId !== undefined && !(await findLocation(ctx.db, body.toLocationId)))
      errors.push({ path: 'body.toLocationId', message: 'No such location' });
    if (body.expected !== undefined && body.kind !== 'count')
      errors.push({
        path: 'body.expected',
        message: 'Only a count carries the balance it was checked against',
      });
    if (!product || errors.length > 0) throw problem('validation-failed', undefined, errors);
    return product;
  }

  api.post(
    '/cd-register/entries',
    { config: { access: 'cd:write' }, schema: { tags: TAGS, body: entryBodySchema } },
    async (req, reply) => {
      const auth = authOf(req);
      const body = req.body;
      const product = await checkReferences(body);
      // An entry for no patient (a receipt, count, transfer, waste or destruction) answers for the stock of the
      // locations it names: the author must be able to see them, as for a register read (404 otherwise). A dose
      // for a patient may be drawn from any safe, since access to the patient is checked below.
      if (body.patientId === undefined) {
        const visible = await visibleLocationIds(ctx.db, {
          serviceIds: auth.user.service_ids,
          readsPatients: hasPermission(auth.user.roles, 'patient:read'),
        });
        const named = [body.locationId, ...(body.toLocationId !== undefined ? [body.toLocationId] : [])];
        if (named.some((id) => !visible.has(id))) throw problem('not-found', 'No such stock location.');
      }
      // A patient-linked entry: the author must be allowed to see the patient (404 otherwise, audited).
      const access: PatientAccess | undefined =
        body.patientId === undefined
          ? undefined
          : await patientAccess(ctx, req, body.patientId, 'cd-entry.create');
      await checkStaff(body);
      const hasSingle = body.witness !== undefined;
      const credentials = [...(body.witness ? [body.witness] : []), ...(body.witnesses ?? [])];
      const witnesses = await witnessSignatures(ctx, req, auth.user, credentials, hasSingle);
      const draft: LedgerDraft = { ...draftOf(body), ...(credentials.length > 0 ? { witnesses } : {}) };

      const outcome = await ctx.db.transaction(async (tx: Queryable): Promise<WriteOutcome> => {
        await lockLedger(tx);
        const now = ctx.now();
        const refused = (details: Record<string, Json>) =>
          recordRefusal(req, tx, {
            action: 'cd-entry.create',
            resource: { type: 'CdEntry' },
            patientId: access?.patientId ?? null,
            outcome: 'failed',
            flagged: access?.breakGlass ?? false,
            details: { kind: body.kind, productId: body.productId, locationId: body.locationId, ...details },
            now,
          });
        if (body.kind === 'count' && body.expected !== undefined) {
          const shown = findBalance(
            await currentBalances(tx, body.productId),
            body.productId,
            body.locationId,
          );
          if (shown.containers !== body.expected.containers || shown.mg !== body.expected.mg) {
            await refused({ codes: ['register-changed'] });
            return { ok: false, registerChanged: shown };
          }
        }
        const occurredAt =
          body.kind === 'correction' ? {} : { occurredAt: draft.occurredAt ?? now.toISOString() };
        const written = await recordLedgerEntry(tx, {
          draft: { ...draft, ...occurredAt },
          authorId: auth.user.id,
          now,
        });
        if (!written.ok) {
          await refused({ codes: [...new Set(written.problems.map((p) => p.code))] });
          return written;
        }
        const { entry } = written;
        await recordChange(req, tx, {
          action: 'cd-entry.create',
          resource: { type: 'CdEntry', id: entry.id },
          patientId: entry.patientId ?? null,
          ...(entry.patientId !== undefined && {
            timeline: {
              kind: 'cd-entry',
              summary: timelineSummary(entry.kind, entry.quantity.mg, product, entry.seq),
              occurredAt: new Date(entry.occurredAt),
            },
          }),
          flagged: access?.breakGlass ?? false,
          details: {
            kind: entry.kind,
            seq: entry.seq,
            productId: entry.productId,
            locationId: entry.locationId,
            witnesses: entry.witnesses.map((w) => w.userId),
          },
          now,
        });
        return written;
      });

      if ('registerChanged' in outcome) {
        const shown = outcome.registerChanged;
        throw ruleRefusal(
          'blocked',
          'register-changed',
          `The register now shows ${shown.containers} sealed containers / ${shown.mg} mg, not what was counted against: count again.`,
          { balance: balanceView(shown, product) },
          [{ path: 'body.expected', message: 'The register has changed since' }],
        );
      }
      if (!outcome.ok)
        throw domainRefusal(outcome.problems, hasSingle, () => stockNumbers(body, product, outcome.balances));
      return reply.status(201).send({
        entry: entryView(outcome.entry),
        balanceAfter: balanceView(outcome.balanceAfter, product),
        balancesAfter: outcome.balancesAfter.map((b) => balanceView(b, product)),
      });
    },
  );

  cdRegisterViewRoutes(app, ctx);
}
