// A dosing session's controlled-drug stock: the dose drawn at the start, and the register correction when less
// was given, each in the session's transaction so the clinical record and the register agree.
import type { WitnessSignature } from '../../domain/ledger/index.ts';
import type { WasteDue } from '../../domain/treatment/administration-record.ts';
import type { Queryable } from '../../store/db.ts';
import { listEntries, recordLedgerEntry, type LedgerWriteResult } from '../../store/ledger.ts';
import { recordedAddressOf } from '../../store/ledger-directory.ts';
import type { SessionRow } from '../../store/treatment.ts';
import type { AppContext } from '../context.ts';
import { ruleRefusal } from '../problem.ts';

function refuseLedger(drawn: Extract<LedgerWriteResult, { ok: false }>, prefix: string, hint = ''): never {
  const code = drawn.problems[0]?.code ?? 'cd-entry-refused';
  const fieldOf = (path: string) => (path.startsWith('witnesses') ? 'body.witness' : `${prefix}.${path}`);
  throw ruleRefusal(
    code === 'insufficient-stock' ? 'blocked' : 'out-of-bounds',
    code,
    `${hint}${drawn.problems.map((p) => p.text).join(' ')}`,
    { balances: drawn.balances },
    drawn.problems.map((p) => ({ path: fieldOf(p.path), message: p.text })),
  );
}

/** Draws the dose started from the register (an administration entry); returns the entry's id. */
export async function drawSessionDose(
  tx: Queryable,
  ctx: AppContext,
  input: {
    session: SessionRow;
    stock: { productId: string; locationId: string; containersOpened?: number | undefined };
    doseMg: number | null;
    at: Date;
    authorId: string;
    prescriberId: string | null;
    lot: string | undefined;
  },
): Promise<string> {
  const { session, stock, doseMg } = input;
  if (doseMg === null) {
    throw ruleRefusal('out-of-bounds', 'dose-missing', 'Give the dose to draw from stock.', undefined, [
      { path: 'body.doseMg', message: 'Required to draw stock' },
    ]);
  }
  // The register keeps the address of the person supplied from their record (reg 19; 21 CFR 1304.22(c)(4)).
  const address = await recordedAddressOf(tx, session.patient_id);
  const drawn = await recordLedgerEntry(tx, {
    draft: {
      kind: 'administration',
      productId: stock.productId,
      locationId: stock.locationId,
      quantity: { mg: doseMg, ...(stock.containersOpened ? { containers: stock.containersOpened } : {}) },
      occurredAt: input.at.toISOString(),
      patientId: session.patient_id,
      sessionId: session.id,
      administeredById: input.authorId,
      ...(input.prescriberId ? { prescriberId: input.prescriberId } : {}),
      ...(input.lot ? { lot: input.lot } : {}),
      ...(address ? { suppliedToAddress: address } : {}),
    },
    authorId: input.authorId,
    now: ctx.now,
  });
  if (!drawn.ok) refuseLedger(drawn, 'body.cdStock');
  return drawn.entry.id;
}

/**
 * Corrects the session's administration entry to the amount given (MDR reg 20(c): a dated correction, the
 * original kept), so the register reads what the patient received; the rest is waste still to be witnessed.
 */
export async function refundUnusedDose(
  tx: Queryable,
  ctx: AppContext,
  input: {
    session: SessionRow;
    stock: { productId: string; locationId: string };
    entryId: string | undefined;
    givenMg: number;
    startedMg: number;
    leftOverMg: number;
    authorId: string;
    witnesses: readonly WitnessSignature[];
  },
): Promise<WasteDue & { correctionId: string }> {
  const { session, stock } = input;
  const target =
    input.entryId ??
    (await listEntries(tx, stock.productId)).find(
      (e) => e.kind === 'administration' && e.sessionId === session.id,
    )?.id;
  if (target === undefined) {
    throw ruleRefusal(
      'blocked',
      'cd-entry-refused',
      'The register entry of this session’s dose was not found.',
    );
  }
  const corrected = await recordLedgerEntry(tx, {
    draft: {
      kind: 'correction',
      productId: stock.productId,
      locationId: stock.locationId,
      correctsEntryId: target,
      quantity: { mg: input.givenMg },
      reason: `Administration stopped early: ${String(input.givenMg)} mg of ${String(input.startedMg)} mg given; ${String(input.leftOverMg)} mg left for witnessed waste.`,
      witnesses: input.witnesses,
    },
    authorId: input.authorId,
    now: ctx.now,
  });
  if (!corrected.ok)
    refuseLedger(
      corrected,
      'body',
      'Less was given than was drawn from stock, so the register entry is corrected; a witness signs it: send "witness" { email, password }. ',
    );
  return { ...stock, mg: input.leftOverMg, correctionId: corrected.entry.id };
}
