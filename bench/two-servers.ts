// Two app servers on one PostgreSQL under load: the chart API is read through both at once with one session
// (signed in on the first server, used on both), while nurses draw controlled-drug doses through both. Afterwards
// the audit chain is whole with nothing pending, the register's chain verifies and its kept balances equal the
// entries, and every acknowledged draw is in the register once.
import { verifyAuditChain } from '../src/store/audit.ts';
import type { Database } from '../src/store/db.ts';
import { verifyLedgerBalances, verifyLedgerChain } from '../src/store/ledger.ts';
import { CONNECTIONS, load, signInForWrites, startServer, type LoadResult } from './chart-api.ts';
import {
  BENCH_CD_OFFICER,
  BENCH_CLINICIAN,
  BENCH_NURSE,
  BENCH_PASSWORD,
  BENCH_PRESCRIBER,
} from './generate.ts';

export interface TwoServerResult {
  readonly loads: readonly LoadResult[];
  readonly requestsPerSecond: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly draws: { readonly acknowledged: number; readonly refused: number; readonly inRegister: number };
  readonly audit: { readonly intact: boolean; readonly rows: number; readonly pending: number };
  readonly ledgerIntact: boolean;
  readonly balancesAgree: boolean;
}

const CD = '/api/v1/cd-register';
const DRAW_WORKERS = 4;
const PRODUCT = {
  drug: 'Ketamine hydrochloride',
  form: 'solution for injection',
  strength: { mgPerMl: 10 },
  containerSize: 20,
  containerName: 'vial',
  code: { system: 'ndc', value: '0409-2051-05' },
  schedule: { us: 'III', uk: { schedule: 2, drugClass: 'B' } },
} as const;

interface Session {
  cookie: string;
  csrf: string;
}

async function call(
  url: string,
  who: Session,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url + path, {
    method,
    headers: {
      cookie: who.cookie,
      ...(method === 'POST' ? { 'x-csrf-token': who.csrf, 'content-type': 'application/json' } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** The bench's product and safe: found by name when an earlier run made them, else made now. */
async function productAndSafe(
  url: string,
  officer: Session,
): Promise<{ productId: string; locationId: string }> {
  const products = (await call(url, officer, 'GET', `${CD}/products`)).body as {
    products?: { id: string; code?: { value?: string } }[];
  };
  let productId = products.products?.find((p) => p.code?.value === PRODUCT.code.value)?.id;
  if (!productId) {
    const made = await call(url, officer, 'POST', `${CD}/products`, PRODUCT);
    if (made.status !== 201) throw new Error(`creating the bench product answered ${made.status}`);
    productId = (made.body as { id: string }).id;
  }
  const locations = (await call(url, officer, 'GET', `${CD}/locations`)).body as {
    locations?: { id: string; name: string }[];
  };
  let locationId = locations.locations?.find((l) => l.name === 'Bench safe')?.id;
  if (!locationId) {
    const made = await call(url, officer, 'POST', `${CD}/locations`, {
      name: 'Bench safe',
      premises: 'Bench clinic',
    });
    if (made.status !== 201) throw new Error(`creating the bench safe answered ${made.status}`);
    locationId = (made.body as { id: string }).id;
  }
  return { productId, locationId };
}

export async function twoServerBench(
  db: Database,
  patientIds: readonly string[],
  seconds: number,
  out: (line?: string) => void,
): Promise<TwoServerResult> {
  const [a, b] = await Promise.all([startServer('kaspr'), startServer('kaspr')]);
  const servers = [a, b];
  try {
    // One clinician session, made on the first server and used on both: sessions live in the shared database.
    const clinician = await signInForWrites(a.url, BENCH_CLINICIAN, BENCH_PASSWORD);
    const officer = await signInForWrites(b.url, BENCH_CD_OFFICER, BENCH_PASSWORD);
    const nurse = await signInForWrites(b.url, BENCH_NURSE, BENCH_PASSWORD);
    const [prescriber] = await db.query<{ id: string }>('SELECT id FROM users WHERE lower(email) = $1', [
      BENCH_PRESCRIBER,
    ]);
    if (!prescriber) throw new Error('the bench prescriber is missing');
    const { productId, locationId } = await productAndSafe(a.url, officer);
    const receipt = await call(a.url, nurse, 'POST', `${CD}/entries`, {
      kind: 'receipt',
      supplier: { name: 'Bench Wholesale', address: '1 Bench Street', registrationNumber: 'RA1234563' },
      lot: 'BENCH',
      expiry: '2030-12-31',
      productId,
      locationId,
      quantity: { containers: 50 },
      invoice: `BENCH-${Date.now()}`,
    });
    if (receipt.status !== 201) throw new Error(`the bench receipt answered ${receipt.status}`);
    const [before] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM cd_entries WHERE product_id = $1 AND kind = 'administration'",
      [productId],
    );

    let drawing = true;
    let acknowledged = 0;
    let refused = 0;
    const patientId = patientIds[0] ?? '';
    const drawer = async (worker: number) => {
      for (let i = 0; drawing; i += 1) {
        const url = (worker + i) % 2 === 0 ? a.url : b.url;
        const r = await call(url, nurse, 'POST', `${CD}/entries`, {
          kind: 'administration',
          productId,
          locationId,
          quantity: { mg: 1 },
          patientId,
          sessionId: '6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
          prescriberId: prescriber.id,
        });
        if (r.status === 201) acknowledged += 1;
        else refused += 1;
      }
    };
    const drawing$ = Promise.all(Array.from({ length: DRAW_WORKERS }, (_, w) => drawer(w)));
    const half = Math.floor(CONNECTIONS / 2);
    const loads = await Promise.all([
      load('kaspr', a.url, clinician.cookie, patientIds, seconds, half),
      load('kaspr', b.url, clinician.cookie, patientIds.slice().reverse(), seconds, CONNECTIONS - half),
    ]);
    drawing = false;
    await drawing$;
    await Promise.all(servers.map((s) => s.stop()));

    const [after] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM cd_entries WHERE product_id = $1 AND kind = 'administration'",
      [productId],
    );
    const audit = await verifyAuditChain(db);
    const ledger = await verifyLedgerChain(db);
    const mismatches = await verifyLedgerBalances(db);
    const result: TwoServerResult = {
      loads,
      requestsPerSecond: loads.reduce((sum, l) => sum + l.requestsPerSecond, 0),
      p99: Math.max(...loads.map((l) => l.p99)),
      non2xx: loads.reduce((sum, l) => sum + l.non2xx + l.errors, 0),
      draws: { acknowledged, refused, inRegister: (after?.n ?? 0) - (before?.n ?? 0) },
      audit: { intact: audit.intact, rows: audit.rows, pending: audit.pending },
      ledgerIntact: ledger.intact,
      balancesAgree: mismatches.length === 0,
    };
    out(
      `two servers, one session: ${result.requestsPerSecond.toFixed(0)} req/s together, p99 ${result.p99} ms, ` +
        `${result.non2xx} non-2xx; CD draws ${acknowledged} acknowledged, ${refused} refused, ${result.draws.inRegister} in the register; ` +
        `audit chain ${audit.intact ? 'intact' : 'BROKEN'} (${audit.rows} entries, ${audit.pending} pending); ` +
        `register chain ${ledger.intact ? 'intact' : 'BROKEN'}, balances ${result.balancesAgree ? 'agree' : 'DISAGREE'}`,
    );
    return result;
  } finally {
    await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
  }
}
