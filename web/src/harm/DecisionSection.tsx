// DecisionSection: "Decision": confirm or override the latest proposal, then what was decided and the review date.
import { useEffect, useRef } from 'react';
import { formatDate } from '../ui/format.ts';
import { Notice } from '../ui/Notice.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import type { AssessmentEntry, DecisionResult, LevelDefinition, SavedAssessment } from './harm-types.ts';

interface DecisionSectionProps {
  /** The assessment awaiting a decision (the latest, undecided), if any. */
  pending: Pick<AssessmentEntry, 'id' | 'evaluation'> | null;
  /** The assessment saved in this visit, to confirm it and say what alerts it raised. */
  saved: SavedAssessment | null;
  /** The decision just recorded in this visit. */
  decided: DecisionResult | null;
  levels: readonly LevelDefinition[];
  canWrite: boolean;
  onDecided: (result: DecisionResult) => void;
}

/** Rendered only when there is something to decide or to confirm; takes focus after a save or decision. */
export function DecisionSection({
  pending,
  saved,
  decided,
  levels,
  canWrite,
  onDecided,
}: DecisionSectionProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (saved || decided) heading.current?.focus();
  }, [saved, decided]);
  if (!pending && !decided) return null;
  const label = (level: number) => levels.find((l) => l.level === level)?.label ?? '';
  const alerts = saved?.alertIds.length ?? 0;
  return (
    <section className="q-section decision-section" aria-labelledby="harm-decision-heading">
      <h3 id="harm-decision-heading" ref={heading} tabIndex={-1} className="focus-target">
        Decision
      </h3>
      {saved && pending?.id === saved.id ? (
        <Notice kind="success">
          <p>Assessment saved.</p>
          {alerts > 0 ? (
            <p>
              {alerts === 1
                ? 'A re-assessment alert was raised'
                : `${alerts} re-assessment alerts were raised`}
              ; see the alerts at the top of the chart.
            </p>
          ) : null}
        </Notice>
      ) : null}
      {decided ? (
        <Notice kind="success">
          <p>
            {decided.overridden
              ? `Level ${decided.confirmedLevel} (${label(decided.confirmedLevel)}) recorded, overriding the proposed level ${decided.proposedLevel}.`
              : `Level ${decided.confirmedLevel} (${label(decided.confirmedLevel)}) accepted.`}
          </p>
          <p>Review due by {formatDate(decided.reviewDue)}.</p>
        </Notice>
      ) : null}
      {pending && canWrite ? (
        <DecisionForm key={pending.id} entry={pending} levels={levels} onDecided={onDecided} />
      ) : null}
      {pending && !canWrite ? (
        <p>
          The latest assessment proposes level {pending.evaluation.level} and awaits a clinician’s decision.
        </p>
      ) : null}
    </section>
  );
}
