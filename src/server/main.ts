// Starts KASPR: configuration, data folder lock, database, migrations, first admin, HTTP server, clean shutdown.
import { loadConfig } from '../config/env.ts';
import { buildApp } from '../api/app.ts';
import { createLogger } from './logger.ts';
import { openDatabase } from './open-database.ts';
import { ensureSecrets } from './secrets.ts';
import { bootstrapAdmin } from './bootstrap.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const opened = await openDatabase(config, (err) => {
    logger.error({ err: err.message }, 'database connection error');
  });
  ensureSecrets(config.KASPR_DATA_DIR);
  const ctx = { db: opened.db, config, now: () => new Date() };
  const created = await bootstrapAdmin(ctx);
  if (created) logger.info({ userId: created }, 'first administrator created from KASPR_ADMIN_EMAIL');
  const app = await buildApp(ctx, { logger });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await app.close();
      await opened.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const address = await app.listen({ port: config.PORT, host: config.HOST });
  logger.info({ address, engine: opened.db.engine }, 'KASPR is serving');
}

main().catch((err: unknown) => {
  process.stderr.write(`KASPR could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
