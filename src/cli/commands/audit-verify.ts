// `kaspr audit verify`: recomputes the audit chain; exit 0 when intact, 1 naming the first broken entry.
import { createHmac } from 'node:crypto';
import { verifyAuditChain } from '../../store/audit.ts';
import { ensureSecrets } from '../../server/secrets.ts';
import { openForCli, print } from '../open.ts';

export async function auditVerify(): Promise<number> {
  const { db, close, config } = await openForCli();
  try {
    const result = await verifyAuditChain(db);
    if (!result.intact && result.brokenAt) {
      process.stderr.write(
        `Audit chain BROKEN at entry ${result.brokenAt.seq} (${result.brokenAt.problem}); ${result.rows} entries before it verified.\n`,
      );
      return 1;
    }
    const anchor = createHmac('sha256', ensureSecrets(config.KASPR_DATA_DIR).auditAnchorKey)
      .update(`${result.rows}:${result.headHash}`)
      .digest('hex');
    print(`Audit chain intact: ${result.rows} entries. Head ${result.headHash}`);
    print(`Anchor (keep a copy outside the database): ${result.rows}:${result.headHash}:${anchor}`);
    return 0;
  } finally {
    await close();
  }
}
