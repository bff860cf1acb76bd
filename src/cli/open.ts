// Opens the configured database for a CLI command (same rules and lock as the server).
import { loadConfig, type Config } from '../config/env.ts';
import { openDatabase, type OpenedDatabase } from '../server/open-database.ts';
import { sealAuditChain } from '../store/audit.ts';

/**
 * The database for one command. Closing it first seals the audit entries the command wrote (decision record 016),
 * so none waits for the next server start; if sealing fails they stay pending, and the server seals them.
 */
export async function openForCli(): Promise<OpenedDatabase & { config: Config }> {
  const config = loadConfig();
  const opened = await openDatabase(config);
  const close = async (): Promise<void> => {
    try {
      await sealAuditChain(opened.db);
    } catch {
      process.stderr.write(
        'Note: the audit entries of this command will be sealed at the next server start.\n',
      );
    }
    await opened.close();
  };
  return { ...opened, close, config };
}

export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}
