// `kaspr demo`: fills the database with a seeded synthetic population (never real data), with a progress bar.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { hashPassword } from '../../security/passwords.ts';
import { appendAudit } from '../../store/audit.ts';
import { contentOf, insertPatient } from '../../store/patients.ts';
import { findServiceByName, insertService } from '../../store/services.ts';
import { addTimelineEvent } from '../../store/timeline.ts';
import { findUserByEmail, insertUser } from '../../store/users.ts';
import { syntheticPatient } from '../demo/population.ts';
import { seededRandom } from '../demo/random.ts';
import { openForCli, print } from '../open.ts';

export const DEMO_HELP = `kaspr demo [--patients N] [--seed S]
  Adds N synthetic patients (default 200) to a "Demo service", and a demo clinician to sign in with.`;

const BATCH = 50;

export async function demo(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { patients: { type: 'string' }, seed: { type: 'string' } } });
  const count = Number(values.patients ?? 200);
  const seed = Number(values.seed ?? 42);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
    throw new Error('--patients must be 1 to 1000000');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  const random = seededRandom(seed);
  const today = new Date(Date.UTC(2026, 0, 1));
  const { db, close } = await openForCli();
  try {
    const email = 'demo.clinician@example.org';
    const password = `demo-${randomBytes(6).toString('hex')}`;
    const passwordHash = await hashPassword(password);
    const { serviceId, userId, created } = await db.transaction(async (tx) => {
      const service =
        (await findServiceByName(tx, 'Demo service')) ?? (await insertService(tx, 'Demo service'));
      const existing = await findUserByEmail(tx, email);
      const id =
        existing?.id ??
        (await insertUser(tx, {
          email,
          displayName: 'Demo Clinician',
          passwordHash,
          roles: ['practitioner'],
          serviceIds: [service.id],
        }));
      return { serviceId: service.id, userId: id, created: !existing };
    });
    const bar = new cliProgress.SingleBar(
      { format: 'Demo patients [{bar}] {value}/{total} {eta_formatted} left' },
      cliProgress.Presets.shades_classic,
    );
    bar.start(count, 0);
    for (let start = 0; start < count; start += BATCH) {
      const end = Math.min(count, start + BATCH);
      await db.transaction(async (tx) => {
        for (let i = start; i < end; i += 1) {
          const when = new Date(today.getTime() - random.int(0, 365) * 86_400_000);
          const patient = await insertPatient(
            tx,
            serviceId,
            contentOf(syntheticPatient(random, i, today)),
            userId,
            when,
          );
          await addTimelineEvent(tx, {
            patientId: patient.id,
            occurredAt: when,
            kind: 'patient-registered',
            summary: 'Registered (synthetic demo record)',
            actorId: userId,
          });
        }
        await appendAudit(tx, {
          actorId: userId,
          action: 'demo.generate',
          resourceType: 'Patient',
          outcome: 'success',
          details: { from: start, to: end, seed },
        });
      });
      bar.update(end);
    }
    bar.stop();
    print(`Added ${count} synthetic patients to "Demo service" (seed ${seed}).`);
    if (created) print(`Sign in as ${email} with password ${password}`);
    return 0;
  } finally {
    await close();
  }
}
