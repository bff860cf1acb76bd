// Calibration: anonymised vignettes written by the supervisor (the engine's level stored beside the agreed
// reference level), and independent ratings by the clinicians over the following weeks.
import type { LevelNumber } from '../../domain/harm/index.ts';
import type { Database } from '../../store/db.ts';
import { insertRating, insertVignette, listVignettes } from '../../store/vignettes.ts';
import { addDays, clinicTime } from './clock.ts';
import { assessmentInput, demoUser, evaluateDemo } from './harm-content.ts';
import type { Random } from './random.ts';
import { recordDemoChange } from './record.ts';
import type { DemoWorld } from './world.ts';

const CASES: readonly { title: string; narrative: string; severity: number }[] = [
  {
    title: 'Weekend use at parties',
    narrative:
      'A student in their twenties uses ketamine at weekends with friends; no physical symptoms; wants information.',
    severity: 0.15,
  },
  {
    title: 'Daily use, bladder symptoms',
    narrative:
      'A man in his thirties uses most days, alone in the evenings; frequency and urgency for three months.',
    severity: 0.75,
  },
  {
    title: 'Cutting down after a scare',
    narrative: 'A woman in her twenties had blood in her urine last month and has cut down to twice a week.',
    severity: 0.45,
  },
  {
    title: 'Escalating use with alcohol',
    narrative: 'Uses several grams a day with alcohol; binges lasting two days; lost their job; low mood.',
    severity: 0.9,
  },
  {
    title: 'Abstinent for two months',
    narrative: 'Stopped using two months ago after a course of structured treatment; mild urgency persists.',
    severity: 0.1,
  },
  {
    title: 'K-cramps and missed work',
    narrative: 'Abdominal cramps most weeks; misses work after heavy nights; uses nasally four days a week.',
    severity: 0.6,
  },
  {
    title: 'New to the service, low mood',
    narrative:
      'Self-referred; uses about three days a week; reports low mood and anxiety but no urinary symptoms.',
    severity: 0.35,
  },
  {
    title: 'Using alone, housing unstable',
    narrative: 'Sofa-surfing; uses alone most nights; dysuria and suprapubic pain; co-uses benzodiazepines.',
    severity: 0.85,
  },
];

const near = (random: Random, level: LevelNumber, agree: number): LevelNumber => {
  if (random.chance(agree)) return level;
  const next = level === 1 ? 2 : level === 4 ? 3 : random.chance(0.5) ? level - 1 : level + 1;
  return next as LevelNumber;
};

/** Writes the vignettes and ratings once per service (a re-run finds them and adds none). */
export async function ensureVignettes(db: Database, w: DemoWorld): Promise<number> {
  if ((await listVignettes(db, [w.serviceId])).length > 0) return 0;
  const raters = [
    w.staff.practitioner,
    w.staff.practitioner2,
    w.staff.practitioner3,
    w.staff.prescriber,
    w.staff.nurse,
  ];
  return db.transaction(async (tx) => {
    for (const [i, c] of CASES.entries()) {
      const at = clinicTime(addDays(w.from, 21 + i), 12);
      const { assessment, evaluation } = evaluateDemo(
        assessmentInput(w.random, demoUser(w.random), c.severity).assessment,
        w.pack,
      );
      const reference = near(w.random, evaluation.level, 0.8);
      const v = await insertVignette(tx, {
        serviceId: w.serviceId,
        title: c.title,
        narrative: c.narrative,
        assessment,
        referenceLevel: reference,
        engineLevel: evaluation.level,
        contentVersion: evaluation.contentVersion,
        by: w.staff.supervisor,
        at,
      });
      await recordDemoChange(tx, {
        action: 'calibration-vignette.create',
        resource: { type: 'CalibrationVignette', id: v.id },
        actorId: w.staff.supervisor,
        now: at,
      });
      for (const [j, rater] of raters.entries()) {
        const ratedAt = clinicTime(addDays(at, 7 + j * 3 + w.random.int(0, 2)), w.random.int(9, 16));
        const level = near(w.random, reference, 0.7);
        await insertRating(tx, { vignetteId: v.id, raterId: rater, level, rationale: null, at: ratedAt });
        await recordDemoChange(tx, {
          action: 'calibration-rating.create',
          resource: { type: 'CalibrationRating', id: v.id },
          details: { level },
          actorId: rater,
          now: ratedAt,
        });
      }
    }
    return CASES.length;
  });
}
