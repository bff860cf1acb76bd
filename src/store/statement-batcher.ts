// Group commit for one kind of statement: calls that arrive together go to the database as one statement, so they
// share one round trip (and, for a write, one commit). The first call while nothing is in flight goes at once (no
// waiting for company); calls arriving while statements are in flight queue and go together in the next one. Each
// call is answered only when the statement holding it has finished. When a batch statement fails, its calls are
// retried one by one, so one bad call fails only itself. When it fails because the database is not answering (a
// timeout, a lost connection), nothing is retried: its calls and every call that queued behind it fail with that
// error at once, so no request waits for more than one statement's deadline.
import { isDatabaseUnavailable } from './db.ts';

export interface StatementBatcherOptions {
  /** Most calls in one statement. */
  maxBatch?: number;
  /** Most statements in flight at once. */
  maxInFlight?: number;
  /** Errors that mean the database is not answering: no retry, and the queued calls fail too. */
  isUnavailable?: (err: unknown) => boolean;
}

interface Waiting<Req, Res> {
  request: Req;
  resolve: (result: Res) => void;
  reject: (err: unknown) => void;
}

export class StatementBatcher<Req, Res> {
  private readonly queue: Waiting<Req, Res>[] = [];
  private inFlight = 0;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;
  private readonly isUnavailable: (err: unknown) => boolean;

  /** `run` answers a batch: one result per request, in order. */
  constructor(
    private readonly run: (batch: readonly Req[]) => Promise<Res[]>,
    options: StatementBatcherOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 256;
    this.maxInFlight = options.maxInFlight ?? 1;
    this.isUnavailable = options.isUnavailable ?? isDatabaseUnavailable;
  }

  submit(request: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async flush(batch: Waiting<Req, Res>[]): Promise<void> {
    let results: Res[];
    try {
      results = await this.run(batch.map((w) => w.request));
      if (results.length !== batch.length)
        throw new Error('a batch statement answered the wrong number of calls');
    } catch (err) {
      if (this.isUnavailable(err)) {
        // The calls that queued meanwhile have already waited out this statement's deadline.
        const waited = this.queue.splice(0, this.queue.length);
        for (const w of [...batch, ...waited]) w.reject(err);
        return;
      }
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      // Which call failed is unknown: each is tried alone, so only a failing one fails.
      await Promise.all(batch.map((w) => this.flush([w])));
      return;
    }
    batch.forEach((w, i) => w.resolve(results[i] as Res));
  }
}
