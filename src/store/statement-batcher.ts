// Group commit for one kind of statement: calls that arrive together go to the database as one statement, so they
// share one round trip (and, for a write, one commit). The first call while nothing is in flight goes at once (no
// waiting for company); calls arriving while statements are in flight queue and go together in the next one. Each
// call is answered only when the statement holding it has finished. When a batch statement fails, its calls are
// retried one by one, so one bad call fails only itself.

export interface StatementBatcherOptions {
  /** Most calls in one statement. */
  maxBatch?: number;
  /** Most statements in flight at once. */
  maxInFlight?: number;
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

  /** `run` answers a batch: one result per request, in order. */
  constructor(
    private readonly run: (batch: readonly Req[]) => Promise<Res[]>,
    options: StatementBatcherOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 256;
    this.maxInFlight = options.maxInFlight ?? 1;
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
