// The `kaspr` command line: migrations, staff accounts, demo data, audit verification, backup and restore.
import { auditVerify } from './commands/audit-verify.ts';
import { backup, restore } from './commands/backup.ts';
import { demo, DEMO_HELP } from './commands/demo.ts';
import { EXPORT_HELP, fhirExport } from './commands/fhir-export.ts';
import { fhirImport, IMPORT_HELP } from './commands/fhir-import.ts';
import { ledgerVerify } from './commands/ledger-verify.ts';
import { USER_CREATE_HELP, userCreate } from './commands/user-create.ts';
import { openForCli, print } from './open.ts';

const HELP = `KASPR command line

Usage: npx kaspr <command> [options]

Commands:
  migrate              apply database migrations (the server also does this at start)
  user create          create a staff account
  demo                 add a seeded synthetic population (never real data)
  audit verify         check the audit log's hash chain; exit 1 naming the first broken entry
                       (--anchor ROWS:HEAD:SIGNATURE also checks an anchor kept earlier)
  ledger verify        check the controlled-drug register's hash chain; exit 1 naming the first broken entry
  backup FILE          copy the whole database to FILE, with a manifest (row counts, chain heads, migrations)
  restore FILE         restore a backup, all or nothing, and check it against its manifest; refuses a
                       database that holds data unless --force
  import FILE|DIR      import FHIR R4 transaction or batch Bundles (e.g. Synthea), with a progress bar
  export DIR           write a FHIR Bulk Data export (NDJSON) of every service into DIR, with a progress bar

The database is the one the server uses: DATABASE_URL when set, otherwise the embedded
database in KASPR_DATA_DIR (default ./data). Stop the server before using the embedded one.

${USER_CREATE_HELP}

${DEMO_HELP}

${IMPORT_HELP}

${EXPORT_HELP}`;

async function run(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      print(HELP);
      return 0;
    case 'migrate': {
      const { close } = await openForCli();
      await close();
      print('Database is up to date.');
      return 0;
    }
    case 'user':
      if (sub === 'create') return userCreate(rest);
      break;
    case 'demo':
      return demo([sub, ...rest].filter((a): a is string => a !== undefined));
    case 'audit':
      if (sub === 'verify') return auditVerify(rest);
      break;
    case 'ledger':
      if (sub === 'verify') return ledgerVerify();
      break;
    case 'backup':
      return backup(sub);
    case 'import':
      return fhirImport([sub, ...rest].filter((a): a is string => a !== undefined));
    case 'export':
      return fhirExport([sub, ...rest].filter((a): a is string => a !== undefined));
    case 'restore':
      return restore([sub, ...rest].filter((a): a is string => a !== undefined));
  }
  process.stderr.write(`Unknown command: ${argv.join(' ')}\n\n${HELP}\n`);
  return 2;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`kaspr: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
