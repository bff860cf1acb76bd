// Rows compatible with the Treatment Outcomes Profile (TOP): the 28-day use and health items KASPR records.
import type { IsoDate } from '../core/calendar.ts';

/** One confirmed harm assessment with what the TOP asks of it. */
export interface TopSource {
  readonly clientId: string;
  readonly birthDate: IsoDate | null;
  readonly sex: string | null;
  readonly keyWorker: string | null;
  readonly interviewDate: IsoDate;
  readonly daysUsedLast28: number | null;
  readonly psychologicalHealth: number | null;
  readonly physicalHealth: number | null;
  readonly qualityOfLife: number | null;
}

/** TOP treatment stage; KASPR records no exit, so only Start and Review are derived. */
export type TopStage = 'Start' | 'Review';

/** One TOP-compatible row. */
export interface TopRow {
  readonly clientId: string;
  readonly birthDate: IsoDate | null;
  readonly sex: string | null;
  readonly keyWorker: string | null;
  readonly interviewDate: IsoDate;
  readonly stage: TopStage;
  /** The TOP has no ketamine row: ketamine goes in as "other problem substance (named)" (harm.md §6). */
  readonly otherSubstanceName: 'Ketamine';
  readonly otherSubstanceDaysUsed: number | null;
  readonly psychologicalHealth: number | null;
  readonly physicalHealth: number | null;
  readonly qualityOfLife: number | null;
}

/** Column headings in TOP form order (header, section 1 "other problem substance", section 4). */
export const topColumns: readonly { readonly key: keyof TopRow; readonly heading: string }[] = [
  { key: 'clientId', heading: 'Client ID' },
  { key: 'birthDate', heading: 'Date of birth' },
  { key: 'sex', heading: 'Gender' },
  { key: 'keyWorker', heading: 'Keyworker' },
  { key: 'interviewDate', heading: 'Interview date' },
  { key: 'stage', heading: 'Treatment stage' },
  { key: 'otherSubstanceName', heading: 'Other problem substance (named)' },
  { key: 'otherSubstanceDaysUsed', heading: 'Other problem substance: days used in past 28 (0-28)' },
  { key: 'psychologicalHealth', heading: 'Psychological health rating (0-20)' },
  { key: 'physicalHealth', heading: 'Physical health rating (0-20)' },
  { key: 'qualityOfLife', heading: 'Overall quality of life rating (0-20)' },
];

/**
 * TOP-compatible rows (harm.md §6, the TOP form): one per assessment, sorted by client and date. The first
 * assessment of each client in `sources` is the treatment Start and later ones are Reviews, unless
 * `startedBefore` says the client's Start was before the exported period. Values not recorded stay null
 * (exported blank): the TOP allows "NA" only when the person did not disclose, which KASPR cannot tell.
 */
export function topRows(
  sources: readonly TopSource[],
  startedBefore: ReadonlySet<string> = new Set(),
): TopRow[] {
  const sorted = [...sources].sort(
    (a, b) => a.clientId.localeCompare(b.clientId) || a.interviewDate.localeCompare(b.interviewDate),
  );
  const seen = new Set(startedBefore);
  return sorted.map((s) => {
    const stage: TopStage = seen.has(s.clientId) ? 'Review' : 'Start';
    seen.add(s.clientId);
    return {
      clientId: s.clientId,
      birthDate: s.birthDate,
      sex: s.sex,
      keyWorker: s.keyWorker,
      interviewDate: s.interviewDate,
      stage,
      otherSubstanceName: 'Ketamine',
      otherSubstanceDaysUsed: s.daysUsedLast28,
      psychologicalHealth: s.psychologicalHealth,
      physicalHealth: s.physicalHealth,
      qualityOfLife: s.qualityOfLife,
    };
  });
}
