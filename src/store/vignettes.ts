// Calibration vignettes and practitioners' independent ratings of them. Rows are immutable.
import type { HarmAssessment, LevelNumber } from '../domain/harm/index.ts';
import { insertReturning, type Queryable } from './db.ts';

export interface VignetteRow {
  id: string;
  service_id: string;
  title: string;
  narrative: string;
  assessment: HarmAssessment;
  reference_level: LevelNumber;
  engine_level: LevelNumber;
  content_version: string;
  created_by: string;
  created_at: Date;
}

export interface RatingRow {
  vignette_id: string;
  rater_id: string;
  rater_name: string;
  level: LevelNumber;
  rationale: string | null;
  rated_at: Date;
}

export async function insertVignette(
  tx: Queryable,
  v: {
    serviceId: string;
    title: string;
    narrative: string;
    assessment: unknown;
    referenceLevel: number;
    engineLevel: number;
    contentVersion: string;
    by: string;
    at: Date;
  },
): Promise<VignetteRow> {
  return insertReturning<VignetteRow>(
    tx,
    `INSERT INTO calibration_vignettes
       (service_id, title, narrative, assessment, reference_level, engine_level, content_version, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [
      v.serviceId,
      v.title,
      v.narrative,
      JSON.stringify(v.assessment),
      v.referenceLevel,
      v.engineLevel,
      v.contentVersion,
      v.by,
      v.at,
    ],
  );
}

/** Vignettes of the given services, oldest first. */
export function listVignettes(db: Queryable, serviceIds: readonly string[]): Promise<VignetteRow[]> {
  return db.query<VignetteRow>(
    'SELECT * FROM calibration_vignettes WHERE service_id = ANY($1::uuid[]) ORDER BY created_at, id',
    [serviceIds],
  );
}

/** One vignette, only if it belongs to one of the given services. */
export async function findVignette(
  db: Queryable,
  id: string,
  serviceIds: readonly string[],
): Promise<VignetteRow | undefined> {
  const rows = await db.query<VignetteRow>(
    'SELECT * FROM calibration_vignettes WHERE id = $1 AND service_id = ANY($2::uuid[])',
    [id, serviceIds],
  );
  return rows[0];
}

/** Ratings of the given vignettes, with each rater's display name. */
export function listRatings(db: Queryable, vignetteIds: readonly string[]): Promise<RatingRow[]> {
  return db.query<RatingRow>(
    `SELECT r.vignette_id, r.rater_id, u.display_name AS rater_name, r.level, r.rationale, r.rated_at
       FROM calibration_ratings r JOIN users u ON u.id = r.rater_id
      WHERE r.vignette_id = ANY($1::uuid[])
      ORDER BY r.rated_at, r.rater_id`,
    [vignetteIds],
  );
}

/** One rater's own ratings of the given vignettes. */
export function ratingsBy(
  db: Queryable,
  raterId: string,
  vignetteIds: readonly string[],
): Promise<RatingRow[]> {
  return db.query<RatingRow>(
    `SELECT r.vignette_id, r.rater_id, u.display_name AS rater_name, r.level, r.rationale, r.rated_at
       FROM calibration_ratings r JOIN users u ON u.id = r.rater_id
      WHERE r.rater_id = $1 AND r.vignette_id = ANY($2::uuid[])`,
    [raterId, vignetteIds],
  );
}

/** Records a rating; false when this rater already rated the vignette (ratings are one each, never changed). */
export async function insertRating(
  tx: Queryable,
  r: { vignetteId: string; raterId: string; level: number; rationale: string | null; at: Date },
): Promise<boolean> {
  const rows = await tx.query<{ vignette_id: string }>(
    `INSERT INTO calibration_ratings (vignette_id, rater_id, level, rationale, rated_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (vignette_id, rater_id) DO NOTHING RETURNING vignette_id`,
    [r.vignetteId, r.raterId, r.level, r.rationale, r.at],
  );
  return rows.length === 1;
}

/** Holds the service's row until the transaction ends, so two loads of the starter set cannot both add it. */
export async function lockServiceVignettes(tx: Queryable, serviceId: string): Promise<void> {
  await tx.query('SELECT id FROM services WHERE id = $1 FOR UPDATE', [serviceId]);
}
