// Reads a list of codes from a closed vocabulary, reporting unknown and repeated codes by their index.
import { isOneOf } from './codes.ts';
import { readArray } from '../core/json-read.ts';
import type { ProblemList } from './problems.ts';

/**
 * The codes in `value`, each one of `allowed`. Unknown codes and repeats are problems at `path.N`;
 * `nonEmpty` also refuses an empty list (a rule that tests for no codes could never trigger).
 */
export function readCodeList<T extends string>(
  problems: ProblemList,
  value: unknown,
  path: string,
  allowed: readonly T[],
  options: { readonly nonEmpty?: boolean } = {},
): T[] | undefined {
  const list = readArray(problems, value, path);
  if (list === undefined) return undefined;
  if (options.nonEmpty === true && list.length === 0) {
    problems.push({ code: 'empty', path, text: `${path} must list at least one code.` });
    return undefined;
  }
  const before = problems.length;
  const codes: T[] = [];
  list.forEach((item, index) => {
    const itemPath = `${path}.${index}`;
    if (!isOneOf(allowed, item)) {
      problems.push({
        code: 'unknown-code',
        path: itemPath,
        text: `${JSON.stringify(item)} is not a known code here (allowed: ${allowed.join(', ')}).`,
      });
    } else if (codes.includes(item)) {
      problems.push({ code: 'duplicate-code', path: itemPath, text: `"${item}" is listed more than once.` });
    } else {
      codes.push(item);
    }
  });
  return problems.length === before ? codes : undefined;
}
