// One result shape for the domain's expected results: the value, or every problem (code, field, sentence) that stopped it.

/**
 * One problem: a stable `code` a caller may branch on, the dotted `path` of the offending field, and a
 * sentence for a person. Each area names its own code union (HarmProblemCode, LedgerProblemCode, …).
 */
export interface Problem<Code extends string = string> {
  readonly code: Code;
  readonly path: string;
  readonly text: string;
}

/** The successful half of an outcome. */
export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

/** The refused half of an outcome: never empty. */
export interface Refused<Code extends string = string> {
  readonly ok: false;
  readonly problems: readonly Problem<Code>[];
}

/**
 * An expected result: the value, or every problem that stopped it (never thrown). Each area re-exports it
 * narrowed to its own codes, e.g. `type Outcome<T> = CoreOutcome<T, HarmProblemCode>`.
 */
export type Outcome<T, Code extends string = string> = Success<T> | Refused<Code>;

/**
 * Where readers and checks collect problems. An area's `Problem<AreaCode>[]` is one whenever the checker's
 * codes are among the area's, so one reader serves every area without widening its codes.
 */
export interface ProblemSink<Code extends string> {
  push(...problems: Problem<Code>[]): unknown;
}

/** A problem value. */
export function problem<Code extends string>(code: Code, path: string, text: string): Problem<Code> {
  return { code, path, text };
}

/** A successful outcome. */
export function success<T>(value: T): Success<T> {
  return { ok: true, value };
}

/** A refused outcome. */
export function failure<Code extends string>(problems: readonly Problem<Code>[]): Refused<Code> {
  return { ok: false, problems };
}

/** A refused outcome when `problems` is not empty, otherwise the value (made only when there is none). */
export function outcome<T, Code extends string>(
  problems: readonly Problem<Code>[],
  value: () => T,
): Outcome<T, Code> {
  return problems.length > 0 ? failure(problems) : success(value());
}
