// useScorePreview: scores the answers so far on the server (nothing saved), 300 ms after the last change.
import { useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { ScoreResult } from './questionnaire-types.ts';

const DEBOUNCE_MS = 300;

export interface ScorePreview {
  result: ScoreResult | null;
  error: ApiError | null;
  pending: boolean;
}

const EMPTY: ScorePreview = { result: null, error: null, pending: false };

/** The live preview for `answers`; empty until at least one item is answered. */
export function useScorePreview(
  instrumentId: string,
  answers: Readonly<Record<string, number>>,
): ScorePreview {
  const [preview, setPreview] = useState<ScorePreview>(EMPTY);

  useEffect(() => {
    if (Object.keys(answers).length === 0) {
      setPreview(EMPTY);
      return;
    }
    let current = true;
    setPreview((p) => ({ ...p, pending: true }));
    const timer = window.setTimeout(() => {
      api.post<ScoreResult>(`/instruments/${encodeURIComponent(instrumentId)}/score`, { answers }).then(
        (result) => {
          if (current) setPreview({ result, error: null, pending: false });
        },
        (err: unknown) => {
          if (current) setPreview({ result: null, error: asApiError(err), pending: false });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [instrumentId, answers]);

  return preview;
}
