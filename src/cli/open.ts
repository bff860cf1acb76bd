// Opens the configured database for a CLI command (same rules and lock as the server).
import { loadConfig, type Config } from '../config/env.ts';
import { openDatabase, type OpenedDatabase } from '../server/open-database.ts';

export async function openForCli(): Promise<OpenedDatabase & { config: Config }> {
  const config = loadConfig();
  const opened = await openDatabase(config);
  return { ...opened, config };
}

export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}
