// useHarmProposal: evaluates the assessment so far on the server (nothing saved), 400 ms after the last change.
import { useServerPreview, type ServerPreview } from '../api/use-server-preview.ts';
import type { HarmEvaluation } from './harm-types.ts';

export type HarmProposal = ServerPreview<HarmEvaluation>;

/** The live proposal for `assessment`; empty while `assessment` is null (too little entered to evaluate). */
export function useHarmProposal(assessment: Readonly<Record<string, unknown>> | null): HarmProposal {
  return useServerPreview<HarmEvaluation>('/harm/evaluate', assessment ? { assessment } : null, 400);
}
