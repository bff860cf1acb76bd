// `kaspr import FILE|DIR [--service ID|NAME]`: imports FHIR R4 transaction or batch Bundles (a .json file, or every
// .json file in a folder, in name order) through the FHIR API as the command line's system client, with a progress
// bar. Each Bundle is all or nothing (a transaction) or entry by entry (a batch); importing the same Bundles again
// creates nothing new. Prints what was made, what was already held, and every entry not imported with why.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import cliProgress from 'cli-progress';
import { openFhirSession } from '../fhir-session.ts';
import { print } from '../open.ts';

export const IMPORT_HELP = `kaspr import FILE|DIR [--service ID|NAME]
  Imports FHIR R4 transaction or batch Bundles (one .json file, or every .json file in DIR). Patients without a
  managing Organization go to the --service named (needed when there are several). Importing again creates
  nothing new. Exit 1 if any Bundle was refused.`;

interface EntryReply {
  response?: {
    status?: string;
    outcome?: { issue?: { diagnostics?: string; expression?: string[] }[] };
  };
}

function filesOf(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(path, f));
}

const optionOf = (args: string[], name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

export async function fhirImport(args: string[]): Promise<number> {
  const service = optionOf(args, '--service');
  const path = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--service');
  if (path === undefined) {
    process.stderr.write(`${IMPORT_HELP}\n`);
    return 2;
  }
  const files = filesOf(path);
  if (files.length === 0) throw new Error(`No .json files in ${path}.`);
  const bundles = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const sizes = bundles.map(({ text }) => {
    const parsed = JSON.parse(text) as { entry?: unknown[] };
    return parsed.entry?.length ?? 0;
  });
  const session = await openFhirSession({
    services: service === undefined ? [] : [service],
    scope: 'system/*.read system/*.write',
  });
  const counts = { created: 0, unchanged: 0, notImported: 0 };
  const reasons = new Map<string, number>();
  const refused: string[] = [];
  try {
    if (service === undefined && session.serviceNames.length > 1)
      throw new Error(`Choose the service with --service (${session.serviceNames.join(', ')}).`);
    const bar = new cliProgress.SingleBar(
      { format: 'Importing [{bar}] {value}/{total} entries | {file}', noTTYOutput: false },
      cliProgress.Presets.shades_classic,
    );
    bar.start(
      sizes.reduce((a, b) => a + b, 0),
      0,
      { file: '' },
    );
    for (const [i, { file, text }] of bundles.entries()) {
      bar.update({ file: basename(file) });
      const reply = await session.request('POST', '/fhir/R4', text);
      if (reply.status !== 200) {
        const outcome = JSON.parse(reply.body) as {
          issue?: { diagnostics?: string; expression?: string[] }[];
        };
        const first = outcome.issue?.[0];
        refused.push(
          `${basename(file)}: refused (${reply.status}) at ${first?.expression?.join(', ') ?? 'the Bundle'}: ${first?.diagnostics ?? reply.body}`,
        );
      } else {
        for (const e of (JSON.parse(reply.body) as { entry?: EntryReply[] }).entry ?? []) {
          const status = e.response?.status ?? '';
          if (status.startsWith('201')) counts.created++;
          else if (status.startsWith('200')) counts.unchanged++;
          else {
            counts.notImported++;
            const why = e.response?.outcome?.issue?.[0]?.diagnostics ?? status;
            reasons.set(why, (reasons.get(why) ?? 0) + 1);
          }
        }
      }
      bar.increment(sizes[i] ?? 0);
    }
    bar.stop();
  } finally {
    await session.close();
  }
  print(
    `${bundles.length} Bundle(s): ${counts.created} made, ${counts.unchanged} unchanged (already held, or older than what is held), ${counts.notImported} not imported.`,
  );
  for (const [why, n] of [...reasons].sort((a, b) => b[1] - a[1])) print(`  ${n} × ${why}`);
  for (const line of refused) print(line);
  return refused.length > 0 ? 1 : 0;
}
