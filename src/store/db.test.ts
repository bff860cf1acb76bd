import { describe, expect, it } from 'vitest';
import { columnsOf, firstRow, insertRow, insertValues, rowExists, type Queryable } from './db.ts';

/** A database that records each statement and answers with the rows given. */
function recording(rows: Record<string, unknown>[]) {
  const statements: { sql: string; params: readonly unknown[] | undefined }[] = [];
  const db: Queryable = {
    query: <T>(sql: string, params?: readonly unknown[]) => {
      statements.push({ sql, params });
      return Promise.resolve(rows as T[]);
    },
  };
  return { db, statements };
}

describe('row helpers', () => {
  it('insert a row with its columns in the order written, numbering the parameters', async () => {
    const { db, statements } = recording([{ id: 'new-id' }]);
    const at = new Date('2026-01-02T03:04:05Z');
    expect(await insertRow(db, 'consents', { patient_id: 'p', signature: '{}', signed_at: at })).toBe(
      'new-id',
    );
    expect(statements).toEqual([
      {
        sql: 'INSERT INTO consents (patient_id, signature, signed_at) VALUES ($1, $2, $3) RETURNING id',
        params: ['p', '{}', at],
      },
    ]);
  });

  it('refuse a table or column name that is not a plain identifier', async () => {
    const { db, statements } = recording([{ id: 'x' }]);
    await expect(insertRow(db, 'consents; DROP TABLE x', { patient_id: 'p' })).rejects.toThrow(
      'not a column or table name',
    );
    await expect(insertValues(db, 'consents', { 'patient_id) VALUES (1); --': 'p' })).rejects.toThrow(
      'not a column or table name',
    );
    expect(statements).toEqual([]);
  });

  it('insert a row that is not read back without RETURNING', async () => {
    const { db, statements } = recording([]);
    await insertValues(db, 'care_plans', { patient_id: 'p', version: 2, reason: null });
    expect(statements).toEqual([
      {
        sql: 'INSERT INTO care_plans (patient_id, version, reason) VALUES ($1, $2, $3)',
        params: ['p', 2, null],
      },
    ]);
  });

  it('fail an insert that returns no row', async () => {
    const { db } = recording([]);
    await expect(insertRow(db, 'consents', { patient_id: 'p' })).rejects.toThrow('insert returned no row');
  });

  it('name each field’s column in snake_case, keeping only the fields asked for', () => {
    const review = { grantId: 'g', reviewedBy: 'u', reviewedAt: 1, note: 'n', extra: 'x' };
    expect(columnsOf(review, ['grantId', 'reviewedBy', 'reviewedAt', 'note'])).toEqual({
      grant_id: 'g',
      reviewed_by: 'u',
      reviewed_at: 1,
      note: 'n',
    });
    expect(Object.keys(columnsOf(review, ['note', 'grantId']))).toEqual(['note', 'grant_id']);
  });

  it('read the first row, or undefined, and whether any row exists', async () => {
    expect(await firstRow(recording([{ a: 1 }, { a: 2 }]).db, 'SELECT', [])).toEqual({ a: 1 });
    expect(await firstRow(recording([]).db, 'SELECT', [])).toBeUndefined();
    expect(await rowExists(recording([{ '?column?': 1 }]).db, 'SELECT 1', [])).toBe(true);
    expect(await rowExists(recording([]).db, 'SELECT 1', [])).toBe(false);
  });
});
