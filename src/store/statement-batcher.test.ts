import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from './db.ts';
import { StatementBatcher } from './statement-batcher.ts';

/** A statement runner whose every statement waits until the test releases it. */
function gatedRunner(answer: (batch: readonly number[]) => number[] | Error) {
  const statements: { batch: readonly number[]; release: () => void }[] = [];
  const run = (batch: readonly number[]) =>
    new Promise<number[]>((resolve, reject) => {
      statements.push({
        batch,
        release: () => {
          const result = answer(batch);
          if (result instanceof Error) reject(result);
          else resolve(result);
        },
      });
    });
  return { statements, run };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('StatementBatcher', () => {
  it('sends the first call at once and the calls that arrive meanwhile together in the next statement', async () => {
    const { statements, run } = gatedRunner((batch) => batch.map((n) => n * 10));
    const batcher = new StatementBatcher(run);
    const first = batcher.submit(1);
    const rest = [2, 3, 4].map((n) => batcher.submit(n));
    await settle();
    expect(statements.map((s) => s.batch)).toEqual([[1]]);
    statements[0]?.release();
    expect(await first).toBe(10);
    await settle();
    expect(statements.map((s) => s.batch)).toEqual([[1], [2, 3, 4]]);
    statements[1]?.release();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it('retries a failed batch call by call, so only the failing call fails', async () => {
    const { statements, run } = gatedRunner((batch) =>
      batch.includes(3) ? new Error('bad value') : batch.map((n) => n * 10),
    );
    const batcher = new StatementBatcher(run);
    const first = batcher.submit(1);
    const rest = [2, 3, 4].map((n) =>
      batcher.submit(n).catch((e: unknown) => (e instanceof Error ? e.message : e)),
    );
    await settle();
    statements[0]?.release();
    await first;
    await settle();
    statements[1]?.release();
    await settle();
    // The retry: one statement per call.
    expect(statements.slice(2).map((s) => s.batch)).toEqual([[2], [3], [4]]);
    statements.slice(2).forEach((s) => s.release());
    expect(await Promise.all(rest)).toEqual([20, 'bad value', 40]);
  });

  it('when the database is not answering, fails the batch and every queued call at once, retrying nothing', async () => {
    const unavailable = new DatabaseUnavailableError(new Error('Query read timeout'));
    const { statements, run } = gatedRunner(() => unavailable);
    const batcher = new StatementBatcher(run);
    const calls = [1, 2, 3, 4].map((n) =>
      batcher.submit(n).then(
        () => 'answered',
        (e: unknown) => e,
      ),
    );
    await settle();
    expect(statements).toHaveLength(1);
    statements[0]?.release();
    const outcomes = await Promise.all(calls);
    expect(outcomes.every((o) => o === unavailable)).toBe(true);
    // Only the one statement ran: the queued calls were not sent after it timed out.
    await settle();
    expect(statements).toHaveLength(1);
  });

  it('serves new calls normally after the database came back', async () => {
    let down = true;
    const { statements, run } = gatedRunner((batch) =>
      down ? new DatabaseUnavailableError(new Error('Connection terminated')) : batch.map((n) => n + 1),
    );
    const batcher = new StatementBatcher(run);
    const failed = batcher.submit(1).catch(() => 'failed');
    await settle();
    statements[0]?.release();
    expect(await failed).toBe('failed');
    down = false;
    const ok = batcher.submit(5);
    await settle();
    statements[1]?.release();
    expect(await ok).toBe(6);
  });
});
