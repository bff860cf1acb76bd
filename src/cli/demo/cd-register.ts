// The demo's controlled-drug register: the product and cupboard, and entries written through recordLedgerEntry
// (its lock, its checks, its hash chain) in time order, each with its audit entry and, for a patient, a chart line.
// Stock is received before it runs short, so no balance ever goes negative.
import { randomUUID } from 'node:crypto';
import { mgText } from '../../domain/ledger/format.ts';
import { findBalance, makeProduct, type Balance, type Product } from '../../domain/ledger/index.ts';
import type { Database, Queryable } from '../../store/db.ts';
import {
  currentBalances,
  findLocationByName,
  insertLocation,
  insertProduct,
  listProducts,
  recordLedgerEntry,
  type LedgerDraft,
} from '../../store/ledger.ts';
import { addDays, addMinutes, DAY_MS, isoDay } from './clock.ts';
import { recordDemoChange } from './record.ts';

const PREMISES = 'Demo clinic';
const CUPBOARD = 'Main CD cupboard';
const DRUG = 'Ketamine hydrochloride';
/** Vials received at a time, and the sealed vials below which the CD officer orders more. */
const ORDER_VIALS = 20;
const REORDER_BELOW = 4;

export interface DemoRegisterSetup {
  product: Product;
  locationId: string;
}

/** The ketamine 10 mg/mL 20 mL vial and the cupboard, created on the first run and reused after. */
export async function ensureRegister(
  db: Database,
  cdOfficerId: string,
  at: Date,
): Promise<DemoRegisterSetup> {
  return db.transaction(async (tx) => {
    const made = makeProduct({
      id: randomUUID(),
      drug: DRUG,
      form: 'solution for injection',
      strengthMgPerMl: 10,
      containerSize: 20,
      containerName: 'vial',
      code: { system: 'dmd', value: '39720311000001101' },
      schedule: { us: 'III', uk: { schedule: 2, drugClass: 'B' } },
    });
    if (!made.ok) throw new Error(`demo product invalid: ${JSON.stringify(made.problems)}`);
    let product = (await listProducts(tx)).find((p) => p.drug === DRUG && p.mgPerContainer === 200);
    if (!product) {
      product = made.value;
      await insertProduct(tx, product, cdOfficerId, at);
      await recordDemoChange(tx, {
        action: 'cd-product.create',
        resource: { type: 'CdProduct', id: product.id },
        details: { drug: product.drug, code: `${product.code.system}:${product.code.value}` },
        actorId: cdOfficerId,
        now: at,
      });
    }
    let location = await findLocationByName(tx, PREMISES, CUPBOARD);
    if (!location) {
      location = { id: randomUUID(), name: CUPBOARD, premisesId: PREMISES };
      await insertLocation(tx, location, cdOfficerId, at);
      await recordDemoChange(tx, {
        action: 'cd-location.create',
        resource: { type: 'CdLocation', id: location.id },
        details: { name: location.name, premises: location.premisesId },
        actorId: cdOfficerId,
        now: at,
      });
    }
    return { product, locationId: location.id };
  });
}

type Draft = Omit<LedgerDraft, 'productId' | 'locationId' | 'occurredAt'>;

/** Writes the demo's register entries in time order; a re-run's older entries are made now, as late entries. */
export class DemoRegister {
  private lastRecordedMs = 0;
  private invoice = 0;

  constructor(
    private readonly setup: DemoRegisterSetup,
    private readonly cdOfficerId: string,
    private readonly realNow: Date,
  ) {}

  /** Reads the register's latest entry time, so entries continue after it. */
  async start(db: Queryable): Promise<void> {
    const rows = await db.query<{ at: Date | null }>('SELECT max(recorded_at) AS at FROM cd_entries');
    this.lastRecordedMs = rows[0]?.at?.getTime() ?? 0;
  }

  get product(): Product {
    return this.setup.product;
  }

  get locationId(): string {
    return this.setup.locationId;
  }

  async balance(tx: Queryable): Promise<Balance> {
    return findBalance(await currentBalances(tx, this.product.id), this.product.id, this.locationId);
  }

  /** Appends one entry dated `occurredAt`; returns its id. A refusal is a fault in the demo, so it throws. */
  async write(
    tx: Queryable,
    draft: Draft,
    occurredAt: Date,
    authorId: string,
    witnessId?: string,
  ): Promise<string> {
    const nowMs = Math.min(this.realNow.getTime(), Math.max(occurredAt.getTime(), this.lastRecordedMs));
    const now = new Date(nowMs);
    const late = nowMs - occurredAt.getTime() > DAY_MS;
    const written = await recordLedgerEntry(tx, {
      draft: {
        ...draft,
        productId: this.product.id,
        locationId: this.locationId,
        ...(draft.kind === 'correction' ? {} : { occurredAt: occurredAt.toISOString() }),
        // The witness signs at the moment the entry is made.
        ...(witnessId ? { witnesses: [{ userId: witnessId, reauthenticatedAt: now.toISOString() }] } : {}),
        ...(late
          ? { lateEntryReason: 'Transcribed from the paper register when the demo data was added.' }
          : {}),
      },
      authorId,
      now,
    });
    if (!written.ok) throw new Error(`demo register entry refused: ${JSON.stringify(written.problems)}`);
    this.lastRecordedMs = nowMs;
    const { entry } = written;
    const what = `${mgText(entry.quantity.mg, this.product)} ${this.product.drug}`;
    await recordDemoChange(tx, {
      action: 'cd-entry.create',
      resource: { type: 'CdEntry', id: entry.id },
      patientId: entry.patientId ?? null,
      ...(entry.patientId !== undefined && {
        timeline: {
          kind: 'cd-entry',
          summary:
            entry.kind === 'administration'
              ? `Controlled drug administered: ${what} (register entry ${entry.seq})`
              : `Controlled drug ${entry.kind}: ${what} (register entry ${entry.seq})`,
          occurredAt: new Date(entry.occurredAt),
        },
      }),
      details: {
        kind: entry.kind,
        seq: entry.seq,
        productId: entry.productId,
        locationId: entry.locationId,
        witnesses: entry.witnesses.map((w) => w.userId),
      },
      actorId: authorId,
      now,
    });
    return entry.id;
  }

  /** A receipt of sealed vials from the wholesaler, when fewer than `needed` (plus a margin) are in stock. */
  async restock(tx: Queryable, at: Date, needed = 1): Promise<void> {
    const shown = await this.balance(tx);
    if (shown.containers >= Math.max(needed, REORDER_BELOW)) return;
    this.invoice += 1;
    const when = addMinutes(at, -90);
    await this.write(
      tx,
      {
        kind: 'receipt',
        quantity: { containers: ORDER_VIALS },
        supplier: { name: 'Demo Pharma Wholesale Ltd', address: '2 Example Park, Demo Town, DT2 2BB' },
        invoiceNumber: `INV-${isoDay(when).replaceAll('-', '')}-${String(this.invoice).padStart(3, '0')}`,
        lot: `KET${isoDay(when).slice(2, 7).replace('-', '')}`,
        expiry: isoDay(addDays(when, 540)),
      },
      when,
      this.cdOfficerId,
    );
  }

  /** The weekly stock check: counted as the register shows it. */
  async count(tx: Queryable, at: Date, witnessId: string): Promise<void> {
    const shown = await this.balance(tx);
    await this.write(
      tx,
      {
        kind: 'count',
        quantity: { containers: shown.containers, mg: shown.mg },
      },
      at,
      this.cdOfficerId,
      witnessId,
    );
  }
}
