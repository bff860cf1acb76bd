// Witness rules: a different user for each signature, freshly re-authenticated, as many as the policy asks.
import type { WitnessSignature } from './entry.ts';
import { problem, type LedgerProblem } from './problems.ts';
import { instantMs } from './timing.ts';

/** What the witness check needs. */
export interface WitnessCheck {
  readonly authorId: string;
  readonly witnesses: readonly WitnessSignature[];
  readonly required: number;
  readonly now: Date;
  readonly freshnessMs: number;
}

/**
 * Each witness must be a user other than the author and the other witnesses (security.md §4.6, R25), who
 * re-authenticated within `freshnessMs` before now. Extra witnesses beyond the requirement are checked too.
 */
export function witnessProblems(check: WitnessCheck): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const seen = new Set<string>([check.authorId]);
  let valid = 0;
  check.witnesses.forEach((witness, i) => {
    const path = `witnesses[${i}]`;
    if (witness.userId.trim() === '') {
      problems.push(problem('witness-required', `${path}.userId`, 'A witness signature needs the user.'));
      return;
    }
    if (seen.has(witness.userId)) {
      const text =
        witness.userId === check.authorId
          ? 'The witness must be a different user from the person making the entry.'
          : 'Each witness must be a different user.';
      problems.push(problem('witness-must-differ', `${path}.userId`, text));
      return;
    }
    seen.add(witness.userId);
    const at = instantMs(witness.reauthenticatedAt);
    const age = at === undefined ? Number.NaN : check.now.getTime() - at;
    if (!(age >= 0 && age <= check.freshnessMs)) {
      const text = 'The witness must re-authenticate at the moment of witnessing.';
      problems.push(problem('witness-not-reauthenticated', `${path}.reauthenticatedAt`, text));
      return;
    }
    valid += 1;
  });
  const short = valid < check.required;
  // When enough people signed but some signatures are invalid, the per-witness problems say it all.
  if (short && (problems.length === 0 || check.witnesses.length < check.required)) {
    problems.push(
      check.required >= 2
        ? problem(
            'two-witnesses-required',
            'witnesses',
            `This entry needs ${check.required} different witnesses.`,
          )
        : problem('witness-required', 'witnesses', 'This entry needs a witness.'),
    );
  }
  return problems;
}
