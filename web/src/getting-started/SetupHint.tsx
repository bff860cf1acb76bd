// SetupHint: under a refusal by a rule that blocks for want of set-up (no ACLS-credentialed clinician yet), what
// to set up and a link to where it is done. The API adds the hint to each such block as `setup` (additive).
import { Link } from 'react-router';
import type { SetupHint as Hint } from '../../../src/domain/setup/setup-hints.ts';
import type { ApiError, ProblemBody } from '../api/api-error.ts';

/** The set-up hints a refusal's blocks carry, once each (by path and text). */
export function setupHintsOf(problem: ApiError | ProblemBody | null | undefined): Hint[] {
  const body: ProblemBody | undefined =
    problem && 'body' in problem ? (problem.body as ProblemBody) : (problem ?? undefined);
  const blocks = body?.blocks;
  if (!Array.isArray(blocks)) return [];
  const hints: Hint[] = [];
  for (const block of blocks as unknown[]) {
    const setup = (block as { setup?: unknown } | null)?.setup as Partial<Hint> | undefined;
    if (typeof setup?.path !== 'string' || typeof setup.text !== 'string') continue;
    if (!hints.some((h) => h.path === setup.path && h.text === setup.text))
      hints.push({ path: setup.path, text: setup.text });
  }
  return hints;
}

/**
 * What to set up for each block of `problem` that set-up lifts, with a link to where it is done; nothing when
 * the refusal needs no set-up. Place it just under the refusal's message (FormProblem or RefusalNote).
 */
export function SetupHint({ problem }: { problem: ApiError | ProblemBody | null | undefined }) {
  const hints = setupHintsOf(problem);
  if (hints.length === 0) return null;
  return (
    <div className="notice notice-info setup-hint">
      {hints.map((hint) => (
        <p key={`${hint.path} ${hint.text}`}>
          <strong>To set up: </strong>
          {hint.text} <Link to={hint.path}>Go to where this is set up</Link>
        </p>
      ))}
    </div>
  );
}
