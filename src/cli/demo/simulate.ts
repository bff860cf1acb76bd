// Runs the demo service's 18 months: every person's steps and the weekly controlled-drug count, in time order,
// a batch of steps per transaction, with a progress bar over the months simulated.
import cliProgress from 'cli-progress';
import { defaultProtocol } from '../../domain/treatment/protocols.ts';
import { countPatientsInServices } from '../../store/bulk-patients.ts';
import type { Database } from '../../store/db.ts';
import { packInForce } from '../../store/harm-packs.ts';
import { currentPatients } from '../../store/patients.ts';
import { findService } from '../../store/services.ts';
import { ensureRegister, DemoRegister } from './cd-register.ts';
import { addDays, clinicTime, DAY_MS, isoDay, windowStart, WINDOW_DAYS } from './clock.ts';
import { startHarmPerson } from './harm-script.ts';
import { StepQueue } from './queue.ts';
import { seededRandom } from './random.ts';
import { ensureDemoStaff, DEMO_STAFF, type DemoStaff, type StaffKey } from './staff.ts';
import { startTreatmentPerson } from './treatment-script.ts';
import { ensureVignettes } from './vignettes.ts';
import { schedule, type DemoWorld, type Step } from './world.ts';

/** Share of people on the treatment pathway; the rest are on the harm pathway. */
export const TREATMENT_SHARE = 0.1;
const STEPS_PER_TRANSACTION = 150;

export interface DemoResult {
  signIns: DemoStaff['signIns'];
  patients: number;
  existingPatients: number;
  vignettes: number;
  from: Date;
  today: Date;
}

export async function runDemo(
  db: Database,
  opts: { patients: number; seed: number; today: Date; progress: boolean },
): Promise<DemoResult> {
  const { today } = opts;
  const from = windowStart(today);
  const staff = await ensureDemoStaff(db, today, from);
  const existingPatients = await countPatientsInServices(db, [staff.serviceId]);
  const nhsNumbers = new Set<string>();
  if (existingPatients > 0)
    for (const p of await currentPatients(db, { serviceIds: [staff.serviceId] }))
      for (const i of p.identifiers) if (i.system === 'nhs') nhsNumbers.add(i.value);
  const setup = await ensureRegister(db, staff.ids.cdOfficer, from);
  const register = new DemoRegister(setup, staff.ids.cdOfficer, today);
  await register.start(db);
  const protocol = defaultProtocol('iv-racemic-psychiatric');
  if (!protocol) throw new Error('the IV protocol is not shipped');
  const service = await findService(db, staff.serviceId);
  const names = Object.fromEntries(DEMO_STAFF.map((m) => [m.key, m.displayName])) as Record<StaffKey, string>;
  const world: DemoWorld = {
    // A re-run draws other people: the seed is mixed with how many the service already has.
    random: seededRandom(opts.seed * 7919 + existingPatients),
    today,
    from,
    serviceId: staff.serviceId,
    timeZone: service?.time_zone ?? 'Europe/London',
    staff: staff.ids,
    names,
    pack: await packInForce(db),
    protocol,
    register,
    queue: new StepQueue<Step>(),
    nhsNumbers,
    registered: 0,
  };
  const vignettes = await ensureVignettes(db, world);
  for (let i = 0; i < opts.patients; i += 1) {
    const index = existingPatients + i;
    if (world.random.chance(TREATMENT_SHARE)) startTreatmentPerson(world, index);
    else startHarmPerson(world, index);
  }
  // The CD officer's weekly count, witnessed by the nurse, every Friday afternoon.
  for (let day = 7; day < WINDOW_DAYS; day += 1) {
    const date = addDays(from, day);
    if (date.getUTCDay() !== 5) continue;
    const countStep: Step = (tx, at) => register.count(tx, at, staff.ids.nurse);
    schedule(world, clinicTime(date, 16, 30), countStep);
  }
  const bar = opts.progress
    ? new cliProgress.SingleBar(
        {
          format: 'Demo service [{bar}] {value}/{total} days | {day} | {patients} patients',
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(WINDOW_DAYS, 0, { day: isoDay(from), patients: 0 });
  while (world.queue.size > 0) {
    let last: Date | undefined;
    await db.transaction(async (tx) => {
      for (let n = 0; n < STEPS_PER_TRANSACTION; n += 1) {
        const next = world.queue.pop();
        if (!next) break;
        await next.item(tx, next.at);
        last = next.at;
      }
    });
    if (last && bar) {
      const days = Math.min(WINDOW_DAYS, Math.floor((last.getTime() - from.getTime()) / DAY_MS));
      bar.update(days, { day: isoDay(last), patients: world.registered });
    }
  }
  bar?.update(WINDOW_DAYS, { day: isoDay(today), patients: world.registered });
  bar?.stop();
  return { signIns: staff.signIns, patients: world.registered, existingPatients, vignettes, from, today };
}
