// Starts KASPR: configuration, data folder lock, database, migrations, first admin, HTTP server, clean shutdown.
import { loadConfig } from '../config/env.ts';
import { buildApp } from '../api/app.ts';
import { resumeBulkExports } from '../fhir/bulk/job.ts';
import { createLogger } from './logger.ts';
import { openDatabase } from './open-database.ts';
import { auditAnchorKey } from './secrets.ts';
import { anchorKeyWarning, recordAnchorKey } from '../store/audit.ts';
import { bootstrapAdmin } from './bootstrap.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const opened = await openDatabase(config, (err) => {
    logger.error({ err: err.message }, 'database connection error');
  });
  // The anchor key: recorded (as a fingerprint) so that a key new to a non-empty audit log is told, not silent.
  const anchorKey = auditAnchorKey(config);
  const keyBefore = await recordAnchorKey(opened.db, anchorKey.key, new Date());
  const keyWarning = keyBefore.known ? null : anchorKeyWarning(keyBefore, anchorKey.generated);
  if (keyWarning) logger.warn({ anchorKeySource: anchorKey.source }, keyWarning);
  if (opened.db.engine === 'postgres' && anchorKey.source === 'data-folder') {
    logger.warn(
      'KASPR_AUDIT_ANCHOR_KEY is not set: this app server signs anchors with its own key in KASPR_DATA_DIR, ' +
        'which another app server or a new machine will not have. Set the same key on every app server.',
    );
  }
  const ctx = { db: opened.db, config, now: () => new Date() };
  const created = await bootstrapAdmin(ctx);
  if (created) logger.info({ userId: created }, 'first administrator created from KASPR_ADMIN_EMAIL');
  const app = await buildApp(ctx, { logger });

  // A clean stop: no new connections, in-flight requests finish, keep-alive connections close as soon as they
  // are idle, then the database closes (a CHECKPOINT on the embedded engine) and the folder lock is released.
  // All within KASPR_SHUTDOWN_TIMEOUT_MS; past it the process exits 1 and the next start takes over the lock.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const deadlineMs = config.KASPR_SHUTDOWN_TIMEOUT_MS;
    logger.info({ signal, deadlineMs }, 'shutting down');
    const hard = setTimeout(() => {
      logger.error({ deadlineMs }, 'shutdown deadline passed; exiting without a clean database close');
      process.exit(1);
    }, deadlineMs);
    // server.close() only closes connections idle at that moment; one that finishes its request later would
    // otherwise stay open for the whole keep-alive timeout.
    const reaper = setInterval(() => app.server.closeIdleConnections(), 50);
    // Leave the last part of the deadline to the database: cut requests that are still running by then.
    const cut = setTimeout(() => app.server.closeAllConnections(), Math.floor(deadlineMs * 0.7));
    let code = 0;
    try {
      await app.close();
      clearInterval(reaper);
      clearTimeout(cut);
      await opened.close();
      logger.info({ signal }, 'stopped cleanly');
    } catch (err) {
      code = 1;
      logger.error({ err: err instanceof Error ? err.message : String(err) }, 'shutdown failed');
    } finally {
      clearTimeout(hard);
      process.exit(code);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const address = await app.listen({ port: config.PORT, host: config.HOST });
  logger.info({ address, engine: opened.db.engine }, 'KASPR is serving');
  // Bulk exports that were running when the server last stopped start again from the beginning.
  const resumed = await resumeBulkExports(ctx);
  if (resumed > 0) logger.info({ resumed }, 'bulk exports resumed');
}

main().catch((err: unknown) => {
  process.stderr.write(`KASPR could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
