// useScorePreview: scores the answers so far on the server (nothing saved), 300 ms after the last change.
import { useServerPreview, type ServerPreview } from '../api/use-server-preview.ts';
import type { ScoreResult } from './questionnaire-types.ts';

export type ScorePreview = ServerPreview<ScoreResult>;

/** The live preview for `answers`; empty until at least one item is answered. */
export function useScorePreview(
  instrumentId: string,
  answers: Readonly<Record<string, number>>,
): ScorePreview {
  const body = Object.keys(answers).length === 0 ? null : { answers };
  return useServerPreview<ScoreResult>(`/instruments/${encodeURIComponent(instrumentId)}/score`, body, 300);
}
