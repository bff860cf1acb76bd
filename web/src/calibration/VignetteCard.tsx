// VignetteCard: one vignette's title, narrative and assessment inputs, with the user's rating, the form to rate it,
// or, for its author, a note that they do not rate it.
import type { LevelDefinition } from '../harm/harm-types.ts';
import { formatDateTime } from '../ui/format.ts';
import { assessmentSummary } from './assessment-summary.ts';
import type { VignetteView } from './calibration-types.ts';
import { RatingForm } from './RatingForm.tsx';

interface VignetteCardProps {
  vignette: VignetteView;
  levels: readonly LevelDefinition[];
  onRated: () => void;
}

/** An <article> headed by the vignette's title. */
export function VignetteCard({ vignette, levels, onRated }: VignetteCardProps) {
  const headingId = `vignette-${vignette.id}`;
  const mine = vignette.myRating;
  const label = (level: number) => levels.find((l) => l.level === level)?.label;
  return (
    <article className="vignette-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{vignette.title}</h3>
      <p className="vignette-narrative">{vignette.narrative}</p>
      <dl className="vignette-inputs">
        {assessmentSummary(vignette.assessment).map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {vignette.writtenByMe ? (
        <p className="vignette-rated">
          You wrote this vignette.{' '}
          <span className="muted">You set its reference level, so you do not rate it.</span>
        </p>
      ) : mine ? (
        <p className="vignette-rated">
          <span className="badge badge-ok">Rated</span> You rated level {mine.level}
          {label(mine.level) ? ` (${label(mine.level)})` : ''} on {formatDateTime(mine.ratedAt)}.
          {mine.rationale ? <span className="muted"> Rationale: {mine.rationale}</span> : null}
        </p>
      ) : (
        <RatingForm vignetteId={vignette.id} levels={levels} onRated={onRated} />
      )}
    </article>
  );
}
