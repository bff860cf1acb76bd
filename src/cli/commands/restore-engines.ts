// Connections the backup and restore commands open themselves: a single PostgreSQL client (a snapshot or a
// marker needs one session) and the embedded engine with the same type parsers as the server's.
import { types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';
import type { Queryable } from '../../store/db.ts';

const DATE_OID = 1082;
const INT8_OID = 20;

/** Dates stay 'YYYY-MM-DD' strings and int8 becomes a number, as in src/store/db.ts. */
export const PGLITE_OPTIONS = {
  parsers: { [DATE_OID]: (v: string) => v, [pgliteTypes.INT8]: (v: string) => Number(v) },
};

export async function postgresClient(url: string): Promise<pg.Client> {
  const types = new pg.TypeOverrides();
  types.setTypeParser(DATE_OID, (v: string) => v);
  types.setTypeParser(INT8_OID, (v: string) => Number(v));
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  return client;
}

export function clientQueryable(client: pg.Client): Queryable {
  return {
    query: async <T>(sql: string, params?: readonly unknown[]) =>
      (await client.query(sql, params ? [...params] : [])).rows as T[],
  };
}
