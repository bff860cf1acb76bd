// `kaspr ledger verify`: recomputes the controlled-drug register's hash chain and its kept balances; exit 0 when
// both agree, 1 naming the first broken entry or each balance that differs from the sum of the entries.
import { createHmac } from 'node:crypto';
import { verifyLedgerBalances, verifyLedgerChain, type BalanceMismatch } from '../../store/ledger.ts';
import { ensureSecrets } from '../../server/secrets.ts';
import { openForCli, print } from '../open.ts';

const shown = (q: BalanceMismatch['kept']): string =>
  q === null ? 'no row' : `${q.containers} containers / ${q.mg} mg`;

export async function ledgerVerify(): Promise<number> {
  const { db, close, config } = await openForCli();
  try {
    const result = await verifyLedgerChain(db);
    if (!result.intact && result.brokenAt) {
      process.stderr.write(
        `Controlled-drug register chain BROKEN at entry ${result.brokenAt.seq} (${result.brokenAt.problem}); ${result.rows} entries before it verified.\n`,
      );
      return 1;
    }
    const mismatches = await verifyLedgerBalances(db);
    if (mismatches.length > 0) {
      for (const m of mismatches)
        process.stderr.write(
          `Controlled-drug register BALANCE MISMATCH for product ${m.productId} at location ${m.locationId}: kept ${shown(m.kept)}, entries add up to ${shown(m.recomputed)}.\n`,
        );
      return 1;
    }
    // Signed with the audit anchor key, under its own label, so an anchor cannot be forged from database access alone.
    const anchor = createHmac(
      'sha256',
      ensureSecrets(config.KASPR_DATA_DIR, config.KASPR_AUDIT_ANCHOR_KEY).auditAnchorKey,
    )
      .update(`cd-ledger:${result.rows}:${result.headHash}`)
      .digest('hex');
    print(`Controlled-drug register chain intact: ${result.rows} entries. Head ${result.headHash}`);
    print('Kept balances agree with the entries.');
    print(`Anchor (keep a copy outside the database): ${result.rows}:${result.headHash}:${anchor}`);
    return 0;
  } finally {
    await close();
  }
}
