// Sealing the audit chain from a test while the app's own sealer may be at work (decision record 016).
import { sealAuditChain } from '../../src/store/audit.ts';
import type { Database } from '../../src/store/db.ts';

/**
 * Seals every entry committed so far. When the app's sealer holds the chain, waits for it to finish and seals
 * again, so that on return nothing written before the call is pending.
 */
export async function sealAll(db: Database): Promise<void> {
  for (let tries = 0; tries < 500; tries += 1) {
    if ((await sealAuditChain(db)).ran) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the audit chain stayed held by another sealer');
}
