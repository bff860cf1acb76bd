// `kaspr audit verify [--anchor ROWS:HEAD:SIGNATURE]`: recomputes the audit chain; exit 0 when intact, 1 naming
// the first broken entry. With --anchor, also checks an anchor kept earlier: exit 1 unless it is signed with the
// anchor key in force and its head is still that entry of the chain. Warns when the key is new to the log.
import { parseArgs } from 'node:util';
import {
  anchorKeyStatus,
  anchorKeyWarning,
  auditAnchorText,
  checkAuditAnchor,
  sealAuditChain,
  verifyAuditChain,
} from '../../store/audit.ts';
import { auditAnchorKey } from '../../server/secrets.ts';
import { openForCli, print } from '../open.ts';

export async function auditVerify(args: string[] = []): Promise<number> {
  const { values } = parseArgs({ args, options: { anchor: { type: 'string' } } });
  const { db, close, config } = await openForCli();
  try {
    // Seal what is committed and pending first, as a running server would; what is still in flight stays pending.
    await sealAuditChain(db);
    const result = await verifyAuditChain(db);
    if (!result.intact && result.brokenAt) {
      process.stderr.write(
        `Audit chain BROKEN at entry ${result.brokenAt.seq} (${result.brokenAt.problem}); ${result.rows} entries before it verified.\n`,
      );
      return 1;
    }
    const anchorKey = auditAnchorKey(config);
    const warning = anchorKeyWarning(await anchorKeyStatus(db, anchorKey.key), anchorKey.generated);
    if (warning) process.stderr.write(`Warning: ${warning}\n`);
    print(`Audit chain intact: ${result.rows} entries. Head ${result.headHash}`);
    if (result.pending > 0)
      print(
        `${result.pending} newer entries are written but not yet sealed into the chain: a running server seals them within a second, a stopped one at its next start.`,
      );
    print(
      `Anchor (keep a copy outside the database): ${auditAnchorText(anchorKey.key, result.rows, result.headHash)}`,
    );
    if (values.anchor !== undefined) {
      const check = await checkAuditAnchor(db, anchorKey.key, values.anchor);
      if (!check.ok) {
        process.stderr.write(`Anchor does NOT verify (${check.problem}): ${check.detail}.\n`);
        return 1;
      }
      print(`Anchor verifies: entry ${check.rows} is unchanged and the signature is this key's.`);
    }
    return 0;
  } finally {
    await close();
  }
}
