// ReplayCell: "Replay" re-runs a stored assessment on its own content version and says whether the answer holds.
import { useState } from 'react';
import { asApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { ReplayResult } from './harm-types.ts';
import { replayDifference } from './history-text.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; text: string; identical: boolean }
  | { kind: 'failed'; text: string };

/** The button, then the outcome announced in its place. */
export function ReplayCell({ assessmentId }: { assessmentId: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const replay = () => {
    setState({ kind: 'busy' });
    api.post<ReplayResult>(`/harm-assessments/${encodeURIComponent(assessmentId)}/replay`).then(
      (r) => {
        setState({
          kind: 'done',
          identical: r.identical,
          text: r.identical
            ? 'Replay gives the identical answer'
            : `Replay differs: ${replayDifference(r.stored, r.replayed)}`,
        });
      },
      (err: unknown) => {
        const e = asApiError(err);
        setState({ kind: 'failed', text: e.detail ?? e.title });
      },
    );
  };
  return (
    <>
      <button
        type="button"
        className="button-small button-secondary"
        onClick={replay}
        disabled={state.kind === 'busy'}
      >
        Replay
      </button>
      <p role="status" className={state.kind === 'done' && state.identical ? 'replay-same' : 'replay-diff'}>
        {state.kind === 'done' || state.kind === 'failed' ? state.text : ''}
      </p>
    </>
  );
}
