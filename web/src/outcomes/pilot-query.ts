// The pilot comparison's two groups as a URL query (the same names the API takes), with before/after defaults.
import { addDays, localDate } from '../ui/local-date.ts';
import { dayParam } from './outcome-query.ts';

/** One group: a period, a team ('' for all teams) and an optional label. */
export interface GroupQuery {
  from: string;
  to: string;
  service: string;
  label: string;
}

export interface PilotQuery {
  first: GroupQuery;
  second: GroupQuery;
}

const PERIOD_DAYS = 90;
const GROUPS = ['first', 'second'] as const;

/** The groups in a page's URL; by default the last 90 days ("after") against the 90 days before ("before"). */
export function pilotFromParams(params: URLSearchParams, today: string = localDate()): PilotQuery {
  const afterFrom = addDays(today, -(PERIOD_DAYS - 1));
  const defaults = {
    first: { from: addDays(afterFrom, -PERIOD_DAYS), to: addDays(afterFrom, -1) },
    second: { from: afterFrom, to: today },
  };
  const group = (g: (typeof GROUPS)[number]): GroupQuery => ({
    from: dayParam(params, `${g}From`, defaults[g].from),
    to: dayParam(params, `${g}To`, defaults[g].to),
    service: params.get(`${g}Service`) ?? '',
    label: params.get(`${g}Label`) ?? '',
  });
  return { first: group('first'), second: group('second') };
}

/** The groups as query parameters (for the page address and the API alike), leaving out empty choices. */
export function pilotParams(q: PilotQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const g of GROUPS) {
    params.set(`${g}From`, q[g].from);
    params.set(`${g}To`, q[g].to);
    if (q[g].service) params.set(`${g}Service`, q[g].service);
    const label = q[g].label.trim();
    if (label) params.set(`${g}Label`, label);
  }
  return params;
}

/** GET /reports/pilot-comparison for the groups. */
export function pilotPath(q: PilotQuery): string {
  return `/reports/pilot-comparison?${pilotParams(q).toString()}`;
}
