// FormProblem: the summary at the top of a form when the server (or local checks) refused it, announced at once.
import type { ApiError } from '../api/api-error.ts';

interface FormProblemProps {
  problem: ApiError | null;
  /** Set when local checks found field errors before anything was sent. */
  localErrors?: number;
}

/** Shows the problem's title and detail, and points to the fields marked below. */
export function FormProblem({ problem, localErrors = 0 }: FormProblemProps) {
  if (!problem && localErrors === 0) return <div role="alert" className="visually-empty" />;
  const fieldCount = problem ? Object.keys(problem.fieldErrors).length : localErrors;
  return (
    <div role="alert" className="form-problem">
      <p className="form-problem-title">{problem ? problem.title : 'Some fields need attention'}</p>
      {problem?.detail ? <p>{problem.detail}</p> : null}
      {fieldCount > 0 ? <p>Check the {fieldCount === 1 ? 'field' : 'fields'} marked below.</p> : null}
    </div>
  );
}
