// Who sees which part of the register: the stock locations of a reader's services, and the audit of each read.
import type { FastifyRequest } from 'fastify';
import { hasPermission } from '../../domain/access/roles.ts';
import type { Json } from '../../domain/audit/canonical-json.ts';
import type { Location } from '../../domain/ledger/index.ts';
import { listLocations } from '../../store/ledger.ts';
import { visibleLocationIds, type RegisterReader } from '../../store/ledger-directory.ts';
import { authOf, type AppContext } from '../context.ts';
import { problem } from '../problem.ts';
import { auditAccess, recordChange } from '../record-change.ts';

/**
 * What a reader may see of the register: the locations of their services (ledger-directory `visibleLocationIds`),
 * the entries at or transferring to them, and a directory naming only the patients they may read.
 */
export interface RegisterScope {
  readonly reader: RegisterReader;
  readonly locationIds: ReadonlySet<string>;
}

/** The reader of a register view: their services, and whether their role reads patients at all. */
function readerOf(req: FastifyRequest): RegisterReader {
  const { user } = authOf(req);
  return { serviceIds: user.service_ids, readsPatients: hasPermission(user.roles, 'patient:read') };
}

export async function scopeOf(ctx: AppContext, req: FastifyRequest): Promise<RegisterScope> {
  const reader = readerOf(req);
  return { reader, locationIds: await visibleLocationIds(ctx.db, reader) };
}

/** The stock locations in the reader's scope, in the register's order. */
export async function scopedLocations(ctx: AppContext, scope: RegisterScope): Promise<Location[]> {
  return (await listLocations(ctx.db)).filter((l) => scope.locationIds.has(l.id));
}

/**
 * An entry for no patient (a receipt, count, transfer, waste or destruction) answers for the stock of the locations
 * it names: the author must be able to see them, as for a register read (404 otherwise). A dose for a patient may be
 * drawn from any safe, since access to the patient is checked instead.
 */
export async function requireStockInSight(
  ctx: AppContext,
  req: FastifyRequest,
  entry: { locationId: string; toLocationId?: string | undefined },
): Promise<void> {
  const { locationIds } = await scopeOf(ctx, req);
  const named = [entry.locationId, ...(entry.toLocationId !== undefined ? [entry.toLocationId] : [])];
  if (named.some((id) => !locationIds.has(id))) throw problem('not-found', 'No such stock location.');
}

/** One audit entry for a read that shows the register (patient ids and, in reports, names). */
export async function auditRegisterRead(
  ctx: AppContext,
  req: FastifyRequest,
  action: string,
  details: Record<string, Json>,
): Promise<void> {
  await auditAccess(ctx, req, action, 'CdRegister', details);
}

/**
 * One audit entry per patient a register view named (rather than showed by reference), each carrying the patient's
 * id as any read of their record does, so the patient's access history shows who saw them in the register.
 */
export async function auditPatientsNamed(
  ctx: AppContext,
  req: FastifyRequest,
  view: string,
  patientIds: readonly string[],
): Promise<void> {
  if (patientIds.length === 0) return;
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    for (const patientId of patientIds)
      await recordChange(req, tx, {
        action: 'cd-register.patient-named',
        resource: { type: 'Patient', id: patientId },
        patientId,
        details: { view },
        now,
      });
  });
}

/** The product and location a read was narrowed to, as audit details. */
export const filterDetails = (q: {
  productId?: string | undefined;
  locationId?: string | undefined;
}): Record<string, Json> => ({
  productId: q.productId ?? null,
  locationId: q.locationId ?? null,
});
