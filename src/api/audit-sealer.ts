// The audit sealer: seals newly written audit entries into the hash chain in the background (decision record 016).
// It starts with the app (sealing whatever a crash left pending), runs every KASPR_AUDIT_SEAL_INTERVAL_MS, and on
// close finishes its work and seals once more, so a clean stop leaves nothing pending.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import type { Database } from '../store/db.ts';
import { sealAuditChain } from '../store/audit.ts';

export interface AuditSealer {
  /** Seals now (waiting for a run already under way); resolves with the entries this call sealed. */
  sealNow(): Promise<number>;
  /** Stops the timer, waits for the run under way and seals what is left. */
  stop(): Promise<void>;
}

export function startAuditSealer(db: Database, intervalMs: number, log: FastifyBaseLogger): AuditSealer {
  let running: Promise<number> = Promise.resolve(0);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const runOnce = (): Promise<number> => {
    // After the run under way, whether it sealed or failed (a failure must not skip this run).
    running = running.catch(() => 0).then(async () => (await sealAuditChain(db)).sealed);
    return running;
  };
  const tick = async (): Promise<void> => {
    try {
      await runOnce();
    } catch (err) {
      // The entries stay pending and the next run seals them; the error's kind only, never its values.
      log.warn({ kind: err instanceof Error ? err.name : typeof err }, 'audit sealing failed; will retry');
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), intervalMs);
      timer.unref();
    }
  };
  void tick();

  return {
    sealNow: () => runOnce(),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      try {
        await runOnce();
      } catch (err) {
        log.warn({ kind: err instanceof Error ? err.name : typeof err }, 'final audit sealing failed');
      }
    },
  };
}

/** Runs the sealer while the app runs: from ready (first seal at once) to close (a last seal). */
export function registerAuditSealer(app: FastifyInstance, ctx: AppContext): void {
  let sealer: AuditSealer | undefined;
  app.addHook('onReady', async () => {
    sealer = startAuditSealer(ctx.db, ctx.config.KASPR_AUDIT_SEAL_INTERVAL_MS, app.log);
  });
  app.addHook('onClose', async () => {
    await sealer?.stop();
  });
}
