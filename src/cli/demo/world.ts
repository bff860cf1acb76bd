// What every step of the simulation shares: the clock window, the service, staff, content in force, the register,
// and the queue of steps still to come. Steps after today are never scheduled.
import type { ValidContentPack } from '../../domain/harm/index.ts';
import type { Protocol } from '../../domain/treatment/index.ts';
import type { Queryable } from '../../store/db.ts';
import type { DemoRegister } from './cd-register.ts';
import { StepQueue } from './queue.ts';
import type { Random } from './random.ts';
import type { StaffKey } from './staff.ts';

/** One step of the service's life, run at its time inside the current batch's transaction. */
export type Step = (tx: Queryable, at: Date) => Promise<void>;

export interface DemoWorld {
  readonly random: Random;
  /** The real current time: nothing is dated after it. */
  readonly today: Date;
  /** The start of the 18-month window. */
  readonly from: Date;
  readonly serviceId: string;
  readonly timeZone: string;
  readonly staff: Readonly<Record<StaffKey, string>>;
  readonly names: Readonly<Record<StaffKey, string>>;
  readonly pack: ValidContentPack;
  readonly protocol: Protocol;
  readonly register: DemoRegister;
  readonly queue: StepQueue<Step>;
  /** NHS numbers already used in the service, so none is given twice. */
  readonly nhsNumbers: Set<string>;
  /** Patients registered so far in this run. */
  registered: number;
}

/** Schedules `step` at `at`, unless `at` is after today (the future has not happened). */
export function schedule(w: DemoWorld, at: Date, step: Step): void {
  if (at.getTime() <= w.today.getTime()) w.queue.push(at, step);
}

/** A keyworker for a new person: the first practitioner carries the largest caseload. */
export function keyWorkerFor(w: DemoWorld): string {
  const r = w.random.next();
  return r < 0.5 ? w.staff.practitioner : r < 0.8 ? w.staff.practitioner2 : w.staff.practitioner3;
}
