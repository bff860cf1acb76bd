// FHIR refusals that carry a ready OperationOutcome (a bad search, a resource KASPR cannot take), and the
// translation of KASPR's field errors into issues at FHIR paths.
import { problem, ProblemError, type FieldError } from '../../api/problem.ts';
import { operationOutcome, outcomeOfProblem } from '../outcome.ts';
import type { OperationOutcome } from '../types.ts';

/** A refusal with a ready OperationOutcome, as opposed to a native problem. */
export class FhirRefusal extends Error {
  constructor(
    readonly status: number,
    readonly outcome: OperationOutcome,
  ) {
    super(outcome.issue[0]?.diagnostics ?? 'refused');
  }
}

/** 400: the request cannot be read as FHIR (malformed, the wrong resource type, an unreadable parameter). */
export const invalid = (diagnostics: string, expression?: string) =>
  new FhirRefusal(400, operationOutcome([{ severity: 'error', code: 'invalid', diagnostics, expression }]));

/** 422: a readable resource that KASPR's rules refuse, one issue per field at its FHIR path. */
export function unprocessable(errors: readonly FieldError[]): FhirRefusal {
  return new FhirRefusal(422, outcomeOfProblem(problem('validation-failed', undefined, [...errors])));
}

/** 422 with one issue, for a resource KASPR does not keep in this form. */
export function notKept(diagnostics: string, expression: string): FhirRefusal {
  return new FhirRefusal(
    422,
    operationOutcome([{ severity: 'error', code: 'not-supported', diagnostics, expression }]),
  );
}

/**
 * Runs a step of the native code path; its field errors (`body.<field>…`) become a 422 at the FHIR paths `pathOf`
 * gives (undefined keeps the resource type as the path). Other refusals pass through unchanged.
 */
export async function withFhirPaths<T>(
  step: () => Promise<T> | T,
  pathOf: (field: string) => string | undefined,
  resourceType: string,
): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (!(err instanceof ProblemError) || err.code !== 'validation-failed') throw err;
    throw unprocessable(
      (err.errors ?? []).map((e) => ({
        path: pathOf(e.path.replace(/^body\.?/, '')) ?? resourceType,
        message: e.message,
      })),
    );
  }
}

/** Zod issues as field errors (`a.0.b`), for the same messages the native API gives. */
export const fieldsOf = (
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldError[] => issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
