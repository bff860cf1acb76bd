// Dashboard queries at national scale: loadOutcomeSeries (migration 027's rollups for whole months) against one
// hand-written statement doing the same work, and against its own pre-rollup path over migration 010's summary rows.
import { isDeepStrictEqual } from 'node:util';
import type { Database } from '../src/store/db.ts';
import { loadOutcomeSeries, type OutcomeScope } from '../src/store/outcome-series.ts';
import { handWrittenSeries } from './handwritten.ts';
import { timeRuns, type Timing } from './timing.ts';

export interface DashboardResult {
  readonly label: string;
  readonly ours: Timing;
  readonly handWritten: Timing | null;
  /** The hand-written statement over the clinical records alone, without migration 010's summary tables. */
  readonly baseTables: Timing | null;
  /** loadOutcomeSeries without migration 027's rollups (over 010's summary rows), as before the rollups. */
  readonly summaryRows: Timing | null;
  /** True when all four give the same figures (null when there is no hand-written counterpart). */
  readonly agree: boolean | null;
}

export const RUNS = 10;
/** The base-table statement takes seconds at national scale: a few runs are enough. */
export const BASE_RUNS = 3;

/** The organisation (all services) and one service over the last full year of the data set; and a caseload. */
export async function dashboardScopes(
  db: Database,
  year: number,
): Promise<{ label: string; scope: OutcomeScope }[]> {
  const services = await db.query<{ id: string }>('SELECT id FROM services ORDER BY name');
  const first = services[0]?.id;
  if (!first) throw new Error('the bench database has no services');
  const [practitioner] = await db.query<{ decided_by: string }>(
    `SELECT d.decided_by FROM harm_decisions d JOIN patients p ON p.id = d.patient_id
      WHERE p.service_id = $1 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [first],
  );
  const period = { from: `${year}-01-01`, to: `${year}-12-31` };
  return [
    {
      label: `organisation (${services.length} services), ${year}`,
      scope: { serviceIds: services.map((s) => s.id), ...period },
    },
    { label: `one service, ${year}`, scope: { serviceIds: [first], ...period } },
    {
      label: `one practitioner's caseload, ${year}`,
      scope: {
        serviceIds: [first],
        ...period,
        ...(practitioner ? { practitionerId: practitioner.decided_by } : {}),
      },
    },
  ];
}

/** Times ours, the hand-written statement, and the statement over base tables, and checks all agree. */
export async function measureDashboard(
  db: Database,
  label: string,
  scope: OutcomeScope,
): Promise<DashboardResult> {
  const ours = await timeRuns(RUNS, () => loadOutcomeSeries(db, scope));
  if (scope.practitionerId !== undefined)
    return { label, ours, handWritten: null, baseTables: null, summaryRows: null, agree: null };
  const handWritten = await timeRuns(RUNS, () => handWrittenSeries(db, scope));
  const baseTables = await timeRuns(BASE_RUNS, () => handWrittenSeries(db, scope, true), 0);
  const summaryRows = await timeRuns(BASE_RUNS, () => loadOutcomeSeries(db, scope, { rollups: false }));
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  const mine = plain(await loadOutcomeSeries(db, scope));
  const agree =
    isDeepStrictEqual(mine, plain(await handWrittenSeries(db, scope))) &&
    isDeepStrictEqual(mine, plain(await handWrittenSeries(db, scope, true))) &&
    isDeepStrictEqual(mine, plain(await loadOutcomeSeries(db, scope, { rollups: false })));
  return { label, ours, handWritten, baseTables, summaryRows, agree };
}
