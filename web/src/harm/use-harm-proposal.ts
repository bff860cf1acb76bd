// useHarmProposal: evaluates the assessment so far on the server (nothing saved), 400 ms after the last change.
import { useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { HarmEvaluation } from './harm-types.ts';

const DEBOUNCE_MS = 400;

export interface HarmProposal {
  evaluation: HarmEvaluation | null;
  error: ApiError | null;
  pending: boolean;
}

const EMPTY: HarmProposal = { evaluation: null, error: null, pending: false };

/** The live proposal for `assessment`; empty while `assessment` is null (too little entered to evaluate). */
export function useHarmProposal(assessment: Readonly<Record<string, unknown>> | null): HarmProposal {
  const [proposal, setProposal] = useState<HarmProposal>(EMPTY);
  // Compared as JSON, so a re-render that builds an equal object does not ask again.
  const body = assessment ? JSON.stringify({ assessment }) : null;

  useEffect(() => {
    if (body === null) {
      setProposal(EMPTY);
      return;
    }
    let current = true;
    setProposal((p) => ({ ...p, pending: true }));
    const timer = window.setTimeout(() => {
      api.post<HarmEvaluation>('/harm/evaluate', JSON.parse(body) as unknown).then(
        (evaluation) => {
          if (current) setProposal({ evaluation, error: null, pending: false });
        },
        (err: unknown) => {
          if (current) setProposal({ evaluation: null, error: asApiError(err), pending: false });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [body]);

  return proposal;
}
