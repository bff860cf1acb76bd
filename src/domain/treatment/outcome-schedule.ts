// Which outcome questionnaires a treatment patient should complete before a session, by indication.
import type { IndicationCode } from './indications.ts';

/**
 * Measurement-based care per indication (clinic.md §7.5: PHQ-9, GAD-7 and PCL-5 with text): depression and
 * suicidal ideation → PHQ-9; anxiety → GAD-7; PTSD → PCL-5. Everyone also gets the ketamine urinary checklist,
 * so a bladder harm emerging in treatment is caught (harm.md §2.3 sentinel symptoms). Product synthesis.
 */
export function outcomeInstrumentsFor(indication: string): readonly string[] {
  const byIndication: Partial<Record<IndicationCode, readonly string[]>> = {
    'unipolar-major-depression': ['phq-9'],
    'treatment-resistant-depression': ['phq-9'],
    'mdd-with-suicidal-ideation': ['phq-9'],
    'bipolar-depression': ['phq-9'],
    'suicidal-ideation': ['phq-9'],
    'anxiety-disorder': ['gad-7'],
    ptsd: ['pcl-5', 'phq-9'],
    ocd: ['phq-9'],
  };
  const own = (byIndication as Record<string, readonly string[] | undefined>)[indication] ?? [];
  return [...own, 'ketamine-urinary-checklist'];
}

export interface DueQuestionnaire {
  readonly instrument: string;
  readonly lastCompletedAt: Date | null;
  readonly due: boolean;
}

/** Due when never completed or last completed more than `withinDays` before `now` (default 7 days). */
export function questionnairesDue(
  instruments: readonly string[],
  lastCompleted: ReadonlyMap<string, Date>,
  now: Date,
  withinDays = 7,
): readonly DueQuestionnaire[] {
  return instruments.map((instrument) => {
    const last = lastCompleted.get(instrument) ?? null;
    const due = last === null || now.getTime() - last.getTime() > withinDays * 86_400_000;
    return { instrument, lastCompletedAt: last, due };
  });
}
