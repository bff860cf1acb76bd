// The dashboard's filters as a URL query (so a view can be shared and reloaded) and the API addresses they give.
import { addDays, localDate } from '../ui/local-date.ts';

/** The report's filters: ISO dates, a team (service id, '' for all) and a practitioner (user id, '' for everyone). */
export interface OutcomeQuery {
  from: string;
  to: string;
  service: string;
  practitioner: string;
}

/** Who an export is for: "external" suppresses counts under 5. */
export type Audience = 'team' | 'external';

const DEFAULT_DAYS = 90;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date from the query, or `fallback` when missing or malformed. */
export function dayParam(params: URLSearchParams, name: string, fallback: string): string {
  const value = params.get(name) ?? '';
  return ISO_DAY.test(value) ? value : fallback;
}

/** The filters in a page's URL; the last 90 days, all teams and everyone by default. */
export function queryFromParams(params: URLSearchParams, today: string = localDate()): OutcomeQuery {
  return {
    from: dayParam(params, 'from', addDays(today, -DEFAULT_DAYS)),
    to: dayParam(params, 'to', today),
    service: params.get('service') ?? '',
    practitioner: params.get('practitioner') ?? '',
  };
}

/** The filters as query parameters, leaving out the "all" choices. */
export function queryParams(q: OutcomeQuery): URLSearchParams {
  const params = new URLSearchParams({ from: q.from, to: q.to });
  if (q.service) params.set('service', q.service);
  if (q.practitioner) params.set('practitioner', q.practitioner);
  return params;
}

/** GET /reports/service-outcomes for the filters (a path for the API client). */
export function reportPath(q: OutcomeQuery): string {
  return `/reports/service-outcomes?${queryParams(q).toString()}`;
}

/** GET /reports/service-outcomes/series: the charts alone, which answers in moments where the report takes long. */
export function seriesPath(q: OutcomeQuery): string {
  return `/reports/service-outcomes/series?${queryParams(q).toString()}`;
}

/** GET /reports/service-outcomes/tables: every table of the report, as the exports give them. */
export function tablesPath(q: OutcomeQuery, audience: Audience): string {
  const params = queryParams(q);
  params.set('audience', audience);
  return `/reports/service-outcomes/tables?${params.toString()}`;
}

const API = '/api/v1';

/** A download address (under /api/v1) for one table's CSV. */
export function tableCsvHref(q: OutcomeQuery, table: string, audience: Audience): string {
  const params = queryParams(q);
  params.set('table', table);
  params.set('audience', audience);
  return `${API}/reports/service-outcomes/export.csv?${params.toString()}`;
}

/** A download address for the PDF report for a board or commissioner. */
export function reportPdfHref(q: OutcomeQuery, audience: Audience): string {
  const params = queryParams(q);
  params.set('audience', audience);
  return `${API}/reports/service-outcomes/report.pdf?${params.toString()}`;
}

/** A download address for the TOP-compatible CSV (per-person rows, for the team's own records). */
export function topCsvHref(q: OutcomeQuery): string {
  return `${API}/reports/top-export.csv?${queryParams(q).toString()}`;
}
