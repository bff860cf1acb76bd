// `kaspr export [--type T,…] [--since INSTANT] [--service ID|NAME] DIR`: a FHIR Bulk Data export of every service
// (or those named) into DIR as NDJSON, one `<Type>.ndjson` file per resource type (and `errors.ndjson` for the
// export's OperationOutcomes), through the same $export the API serves, as the command line's system client, with a
// progress bar. The export's files on the server are removed once written here.
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { openFhirSession } from '../fhir-session.ts';
import { print } from '../open.ts';

export const EXPORT_HELP = `kaspr export [--type Patient,Observation,…] [--since 2026-01-01T00:00:00Z] [--service ID|NAME] DIR
  Writes a FHIR Bulk Data export (NDJSON, one <Type>.ndjson per resource type) of every service, or the ones named,
  into DIR.`;

interface Manifest {
  transactionTime: string;
  output: { type: string; url: string; count?: number }[];
  error: { type: string; url: string }[];
}

const POLL_MS = 200;

export async function fhirExport(args: string[]): Promise<number> {
  const options = new Map<string, string[]>();
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a.startsWith('--')) {
      options.set(a, [...(options.get(a) ?? []), args[i + 1] ?? '']);
      i++;
    } else dir = a;
  }
  if (dir === undefined) {
    process.stderr.write(`${EXPORT_HELP}\n`);
    return 2;
  }
  const query = new URLSearchParams();
  const types = options.get('--type');
  const since = options.get('--since')?.[0];
  if (types) query.set('_type', types.join(','));
  if (since) query.set('_since', since);
  const session = await openFhirSession({ services: options.get('--service') ?? [], scope: 'system/*.read' });
  try {
    const kickOff = await session.request(
      'GET',
      `/fhir/R4/$export${query.size > 0 ? `?${query}` : ''}`,
      undefined,
      {
        prefer: 'respond-async',
        accept: 'application/fhir+json',
      },
    );
    if (kickOff.status !== 202)
      throw new Error(`The export was refused (${kickOff.status}): ${kickOff.body}`);
    const status = String(kickOff.headers['content-location'] ?? '');
    const bar = new cliProgress.SingleBar(
      { format: 'Exporting [{bar}] {percentage}% | {step}' },
      cliProgress.Presets.shades_classic,
    );
    bar.start(100, 0, { step: 'accepted' });
    let manifest: Manifest | undefined;
    for (;;) {
      const poll = await session.request('GET', status);
      if (poll.status === 200) {
        manifest = JSON.parse(poll.body) as Manifest;
        break;
      }
      if (poll.status !== 202) throw new Error(`The export failed (${poll.status}): ${poll.body}`);
      const progress = String(poll.headers['x-progress'] ?? '');
      const percent = Number(/(\d+)%/.exec(progress)?.[1] ?? 0);
      bar.update(percent, { step: progress });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    bar.update(100, { step: 'writing files' });
    mkdirSync(dir, { recursive: true });
    const written = new Map<string, number>();
    for (const [kind, files] of [
      ['output', manifest.output],
      ['error', manifest.error],
    ] as const)
      for (const file of files) {
        const reply = await session.request('GET', file.url, undefined, {
          accept: 'application/fhir+ndjson',
        });
        if (reply.status !== 200) throw new Error(`Could not read ${file.url} (${reply.status}).`);
        const name = kind === 'error' ? 'errors.ndjson' : `${file.type}.ndjson`;
        if (!written.has(name)) rmSync(join(dir, name), { force: true });
        appendFileSync(
          join(dir, name),
          reply.body.endsWith('\n') || reply.body === '' ? reply.body : `${reply.body}\n`,
        );
        const lines = reply.body.split('\n').filter((l) => l.trim() !== '').length;
        written.set(name, (written.get(name) ?? 0) + lines);
      }
    bar.stop();
    await session.request('DELETE', status);
    print(`Exported ${session.serviceNames.join(', ')} as of ${manifest.transactionTime} into ${dir}:`);
    for (const [name, lines] of [...written].sort()) print(`  ${name}: ${lines}`);
    return 0;
  } finally {
    await session.close();
  }
}
