// The controlled-drug register's entries: appending one, reading the register line by line, and one entry.
// Entries are never updated or deleted (R23): there is no PATCH, PUT or DELETE route for them.
import { entryDetailReply, entryWrittenReply, registerListReply } from '../../schemas/replies/cd-register.ts';
import type { FastifyRequest } from 'fastify';
import type { Json } from '../../domain/audit/canonical-json.ts';
import {
  correctionsOf,
  findBalance,
  runningBalances,
  standingQuantity,
  suppliedToAddressMissing,
  type Balance,
  type LedgerEntry,
  type Product,
} from '../../domain/ledger/index.ts';
import { entryBodySchema, entryIdParams, registerQuery, type EntryBody } from '../../schemas/cd-register.ts';
import type { Queryable } from '../../store/db.ts';
import {
  currentBalances,
  findStoredEntry,
  listStoredEntries,
  lockLedger,
  readLedgerSettings,
  recordLedgerEntry,
  type LedgerDraft,
  type LedgerWriteResult,
} from '../../store/ledger.ts';
import {
  loadDirectory,
  namedPatientIds,
  recordedAddressOf,
  staffIdsOf,
  staffNames,
} from '../../store/ledger-directory.ts';
import {
  auditPatientsNamed,
  auditRegisterRead,
  filterDetails,
  requireStockInSight,
  scopeOf,
} from '../cd-register/access.ts';
import {
  domainRefusal,
  registerChangedRefusal,
  requireActiveStaff,
  requireKnownReferences,
} from '../cd-register/refusals.ts';
import {
  balanceView,
  draftOf,
  entryView,
  patientView,
  timelineSummary,
  type Names,
} from '../cd-register/views.ts';
import { witnessSignatures } from '../cd-register/witness.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { patientAccess, type PatientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { auditAccess, recordChange, recordRefusal } from '../record-change.ts';

type WriteOutcome = LedgerWriteResult | { readonly ok: false; readonly registerChanged: Balance };

/** What the write needs beside the draft: the request, its product and the author's access to the patient. */
interface Append {
  readonly req: FastifyRequest;
  readonly body: EntryBody;
  readonly draft: LedgerDraft;
  readonly product: Product;
  readonly access: PatientAccess | undefined;
}

/**
 * Appends the entry under the register lock, with its audit entry (and a patient's chart line) in the same
 * transaction. A count made against a balance the register no longer shows is refused before anything is
 * written; so is every draft the domain refuses. Refusals are audited as failed.
 */
async function appendEntry(ctx: AppContext, tx: Queryable, a: Append): Promise<WriteOutcome> {
  const { req, body, access } = a;
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
    const shown = findBalance(await currentBalances(tx, body.productId), body.productId, body.locationId);
    if (shown.containers !== body.expected.containers || shown.mg !== body.expected.mg) {
      await refused({ codes: ['register-changed'] });
      return { ok: false, registerChanged: shown };
    }
  }
  const occurredAt =
    body.kind === 'correction' ? {} : { occurredAt: a.draft.occurredAt ?? now.toISOString() };
  const draft = { ...a.draft, ...occurredAt };
  const written = await recordLedgerEntry(tx, { draft, authorId: authOf(req).user.id, now });
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
        summary: timelineSummary(entry.kind, entry.quantity.mg, a.product, entry.seq),
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
}

/**
 * The address an administration keeps for the person supplied: the one entered, else the one on the patient's
 * record now (reg 19 "name and address of person … supplied"; 21 CFR 1304.22(c)(4), clinic.md §5). A request that
 * gives none and finds none is still recorded, with a warning, so existing callers keep working.
 */
async function suppliedToAddress(db: Queryable, body: EntryBody): Promise<string | undefined> {
  if (body.kind !== 'administration' || body.patientId === undefined) return undefined;
  return body.suppliedToAddress ?? (await recordedAddressOf(db, body.patientId));
}

const SUPPLIED_TO_ADDRESS_MISSING = {
  code: 'supplied-to-address-missing',
  path: 'body.suppliedToAddress',
  message:
    "Recorded without the address of the person supplied, which the register needs (UK reg 19; US 21 CFR 1304.22(c)(4)): none was given and the patient's record has none.",
} as const;

export function cdRegisterEntryRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/cd-register/entries',
    route('cd:write', { body: entryBodySchema, 201: entryWrittenReply }),
    async (req, reply) => {
      const { body } = req;
      const product = await requireKnownReferences(ctx.db, body);
      if (body.patientId === undefined) await requireStockInSight(ctx, req, body);
      // A patient-linked entry: the author must be allowed to see the patient (404 otherwise, audited).
      const access: PatientAccess | undefined =
        body.patientId === undefined
          ? undefined
          : await patientAccess(ctx, req, body.patientId, 'cd-entry.create');
      await requireActiveStaff(ctx.db, body);
      const hasSingle = body.witness !== undefined;
      const credentials = [...(body.witness ? [body.witness] : []), ...(body.witnesses ?? [])];
      const witnesses = await witnessSignatures(ctx, req, authOf(req).user, credentials, hasSingle);
      const supplied = await suppliedToAddress(ctx.db, body);
      const draft: LedgerDraft = {
        ...draftOf(body),
        ...(supplied ? { suppliedToAddress: supplied } : {}),
        ...(credentials.length > 0 ? { witnesses } : {}),
      };

      const outcome = await ctx.db.transaction((tx) =>
        appendEntry(ctx, tx, { req, body, draft, product, access }),
      );
      if ('registerChanged' in outcome) throw registerChangedRefusal(outcome.registerChanged, product);
      if (!outcome.ok)
        throw domainRefusal(outcome.problems, hasSingle, { body, product, balances: outcome.balances });
      const missing = suppliedToAddressMissing(outcome.entry, undefined);
      return reply.status(201).send({
        entry: entryView(outcome.entry),
        warnings: missing ? [SUPPLIED_TO_ADDRESS_MISSING] : [],
        balanceAfter: balanceView(outcome.balanceAfter, product),
        balancesAfter: outcome.balancesAfter.map((b) => balanceView(b, product)),
      });
    },
  );

  api.get(
    '/cd-register/entries',
    route('cd:read', { querystring: registerQuery, 200: registerListReply }),
    async (req) => {
      const { productId, locationId } = req.query;
      const scope = await scopeOf(ctx, req);
      const stored = await listStoredEntries(ctx.db, productId, scope.locationIds);
      const chain = new Map(stored.map((s) => [s.entry.id, s]));
      const entries = stored.map((s) => s.entry);
      const names: Names = await staffNames(ctx.db, staffIdsOf(entries));
      // Patients are named exactly as the reports name them to this reader (decision record 017).
      const directory = await loadDirectory(ctx.db, entries, [], scope.reader);
      const view = (e: LedgerEntry) => ({
        ...entryView(e, names, chain.get(e.id)),
        patient: patientView(directory, e),
      });
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
      await auditRegisterRead(ctx, req, 'cd-register.read', {
        ...filterDetails(req.query),
        lines: lines.length,
      });
      const shown = new Set(lines.flatMap((l) => [l.entry.id, ...l.corrections.map((c) => c.id)]));
      const named = namedPatientIds(
        directory,
        entries.filter((e) => shown.has(e.id)),
      );
      await auditPatientsNamed(ctx, req, 'cd-register.read', named);
      return { mode: (await readLedgerSettings(ctx.db)).mode, lines };
    },
  );

  api.get(
    '/cd-register/entries/:id',
    route('cd:read', { params: entryIdParams, 200: entryDetailReply }),
    async (req) => {
      const stored = await findStoredEntry(ctx.db, req.params.id);
      const { locationIds, reader } = await scopeOf(ctx, req);
      const at = [stored?.entry.locationId, stored?.entry.counterpartyLocationId];
      // An entry at none of the reader's locations answers as one that does not exist.
      if (!stored || !at.some((id) => id !== undefined && locationIds.has(id))) throw problem('not-found');
      const all = (await listStoredEntries(ctx.db, stored.entry.productId)).map((s) => s.entry);
      const corrections = correctionsOf(all, stored.entry.id);
      const names = await staffNames(ctx.db, staffIdsOf([stored.entry, ...corrections]));
      const directory = await loadDirectory(ctx.db, [stored.entry], [], reader);
      const patient = patientView(directory, stored.entry);
      await auditAccess(
        ctx,
        req,
        'cd-entry.read',
        'CdEntry',
        { patientNamed: patient !== null && !patient.withheld },
        { id: stored.entry.id, patientId: stored.entry.patientId ?? null },
      );
      return {
        entry: { ...entryView(stored.entry, names, stored), patient },
        struck: corrections.length > 0,
        standing: stored.entry.kind === 'correction' ? null : standingQuantity(all, stored.entry),
        corrections: corrections.map((c) => entryView(c, names)),
      };
    },
  );
}
