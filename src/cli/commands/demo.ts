// `kaspr demo`: builds a synthetic service over the last 18 months (never real data), with a progress bar, and
// prints a sign-in for each role.
import { parseArgs } from 'node:util';
import { runDemo } from '../demo/simulate.ts';
import { isoDay } from '../demo/clock.ts';
import { openForCli, print } from '../open.ts';

export const DEMO_HELP = `kaspr demo [--patients N] [--seed S]
  Builds a synthetic "Demo service" over the last 18 months up to today (never real data): N people
  (default 200) on the harm pathway (questionnaires, assessments, decisions and overrides, care plans,
  appointments, some missed) and the treatment pathway (referral, eligibility, consent, IV dosing sessions
  with vitals and discharge, integration sessions, PHQ-9 over time), a controlled-drug register (receipts,
  administrations, witnessed waste, weekly counts) and calibration vignettes with ratings. Prints a
  sign-in (email and a new password) for each role. Run again to add more people; the same seed gives
  the same service on the same day.`;

export async function demo(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { patients: { type: 'string' }, seed: { type: 'string' } } });
  const count = Number(values.patients ?? 200);
  const seed = Number(values.seed ?? 42);
  if (!Number.isInteger(count) || count < 1 || count > 100_000)
    throw new Error('--patients must be 1 to 100000');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  const started = Date.now();
  const { db, close } = await openForCli();
  try {
    const result = await runDemo(db, {
      patients: count,
      seed,
      today: new Date(),
      progress: process.stdout.isTTY,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    print(
      `Added ${result.patients} synthetic people to "Demo service" from ${isoDay(result.from)} to ${isoDay(result.today)} (seed ${seed}, ${seconds} s)` +
        (result.existingPatients > 0 ? `; it already had ${result.existingPatients}.` : '.'),
    );
    print('Sign in with (passwords are new on every run):');
    for (const s of result.signIns) print(`  ${s.role.padEnd(13)} ${s.email.padEnd(32)} ${s.password}`);
    return 0;
  } finally {
    await close();
  }
}
