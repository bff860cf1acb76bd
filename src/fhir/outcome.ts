// FHIR errors: every refusal under /fhir/R4 is an OperationOutcome with the status the native API would give,
// and its issue code from the R4 issue-type value set.
import type { ProblemError } from '../api/problem.ts';

export type IssueSeverity = 'fatal' | 'error' | 'warning' | 'information';

/** An OperationOutcome with one issue per problem given. */
export function operationOutcome(
  issues: readonly {
    severity: IssueSeverity;
    code: string;
    diagnostics: string;
    expression?: string | undefined;
    /** The native API's problem code and title, so a client can tell refusals apart as it would there. */
    problem?: { code: string; title: string } | undefined;
  }[],
) {
  return {
    resourceType: 'OperationOutcome' as const,
    issue: issues.map((i) => ({
      severity: i.severity,
      code: i.code,
      ...(i.problem
        ? { details: { coding: [{ system: PROBLEM_SYSTEM, code: i.problem.code }], text: i.problem.title } }
        : {}),
      diagnostics: i.diagnostics,
      ...(i.expression ? { expression: [i.expression] } : {}),
    })),
  };
}

/** The native API's problem codes (src/api/problem.ts), as a local CodeSystem. */
export const PROBLEM_SYSTEM = 'https://kaspr.example/fhir/CodeSystem/problem';

/** The R4 issue type for a native problem code (http://hl7.org/fhir/issue-type). */
function issueCode(p: ProblemError): string {
  switch (p.status) {
    case 401:
      return 'login';
    case 403:
      return p.code === 'forbidden' ? 'forbidden' : 'security';
    case 404:
      return 'not-found';
    case 405:
      return 'not-supported';
    case 409:
    case 412:
      return 'conflict';
    case 413:
      return 'too-costly';
    case 429:
      return 'throttled';
    case 503:
      return 'transient';
    default:
      return p.status >= 500 ? 'exception' : 'invalid';
  }
}

/** A native problem as an OperationOutcome: each field error an issue at its path, or one issue. */
export function outcomeOfProblem(p: ProblemError) {
  const severity: IssueSeverity = p.status >= 500 ? 'fatal' : 'error';
  const code = issueCode(p);
  const named = { code: p.code, title: p.title };
  if (p.errors?.length)
    return operationOutcome(
      p.errors.map((e) => ({ severity, code, diagnostics: e.message, expression: e.path, problem: named })),
    );
  return operationOutcome([{ severity, code, diagnostics: p.detail ?? p.title, problem: named }]);
}
