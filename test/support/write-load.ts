// Writes fired at a server until it dies: each writer loops its own requests, keeping every write answered 2xx.
import type { Reply } from './server.ts';

/** A small seeded generator (mulberry32), so a crash round's timing can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One acknowledged write: what kind, the id the server gave it, and anything needed to find it again. */
export interface AckedWrite {
  kind: string;
  id: string;
  round: number;
  patientId?: string;
}

/** One write a writer can make: the request, and how to read the id out of a 2xx answer. */
export interface WriteStep {
  kind: string;
  send: () => Promise<Reply>;
  idOf: (reply: Reply) => string;
  patientId?: string;
}

export interface LoadResult {
  acked: AckedWrite[];
  /** Answers that were not 2xx, as `kind status code` (a refusal is not a loss: it was never acknowledged). */
  refused: Record<string, number>;
  /** Requests that failed on the connection (in flight at the kill, or sent after it). */
  broken: number;
}

/**
 * Runs `writers` concurrently, each calling its `next()` step in a loop, until `stopped()` is true and a request
 * fails on the connection, or `maxMs` passes (a bound, so a kill that never comes cannot loop forever). `result`
 * fills as answers come, so the caller can time the kill from the first acknowledged write.
 */
export async function runWritesUntilStopped(
  round: number,
  writers: (() => WriteStep)[],
  stopped: () => boolean,
  maxMs = 60_000,
  result: LoadResult = { acked: [], refused: {}, broken: 0 },
): Promise<LoadResult> {
  const deadline = Date.now() + maxMs;
  await Promise.all(
    writers.map(async (next) => {
      while (Date.now() < deadline) {
        const step = next();
        let reply: Reply;
        try {
          reply = await step.send();
        } catch {
          result.broken += 1;
          if (stopped()) return;
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        if (reply.status >= 200 && reply.status < 300) {
          result.acked.push({
            kind: step.kind,
            id: step.idOf(reply),
            round,
            ...(step.patientId ? { patientId: step.patientId } : {}),
          });
        } else {
          const code = (reply.body as { code?: unknown } | undefined)?.code;
          const key = `${step.kind} ${reply.status} ${typeof code === 'string' ? code : ''}`.trim();
          result.refused[key] = (result.refused[key] ?? 0) + 1;
        }
      }
    }),
  );
  return result;
}
