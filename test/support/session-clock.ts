// A server clock the test moves forward by hand, keeping the signed-in clients' sessions alive on the way.
import type { Client, TestServer } from './server.ts';

/** Minutes since the clock was made, as a Date; `advanceTo` never goes backwards. */
export class SessionClock {
  private readonly origin: number;
  private offsetMin = 0;

  constructor(
    private readonly server: TestServer,
    private readonly clients: readonly Client[],
    origin = Date.now(),
  ) {
    this.origin = origin;
    this.server.ctx.now = () => new Date(this.origin + this.offsetMin * 60_000);
  }

  /** The server's current time. */
  now(): Date {
    return this.server.ctx.now();
  }

  /** Minutes since the clock was made. */
  get minutes(): number {
    return this.offsetMin;
  }

  /** The instant `min` minutes after the clock was made, as ISO text. */
  at(min: number): string {
    return new Date(this.origin + min * 60_000).toISOString();
  }

  /** Moves the clock to `min` in steps of at most 20 min, with a request from each client after every step. */
  async advanceTo(min: number): Promise<void> {
    while (this.offsetMin < min) {
      this.offsetMin = Math.min(min, this.offsetMin + 20);
      for (const c of this.clients) {
        const r = await c.get('/api/v1/me');
        if (r.status !== 200) throw new Error(`session lost at +${this.offsetMin} min`);
      }
    }
  }
}
