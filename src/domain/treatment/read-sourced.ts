// Treatment readers beyond the shared JSON readers: the source and certainty a protocol value carries, and its basis.
import { contentCertainties as certainties } from '../core/evidence.ts';
import { readOneOf, type JsonObject } from '../core/json-read.ts';
import { bases, type Basis, type Certainty, type ProblemList } from './problems.ts';

/** The source and certainty every piece of clinical content carries. */
export function readSourced(
  p: ProblemList,
  obj: JsonObject,
  path: string,
): { source: string; certainty: Certainty } {
  const source = obj.source;
  if (typeof source !== 'string' || source.trim() === '') {
    p.push({
      code: 'missing-source',
      path: `${path}.source`,
      text: `${path}.source must cite a source (or say it is KASPR's synthesis).`,
    });
  }
  const certainty = certainties.find((c) => c === obj.certainty);
  if (certainty === undefined) {
    p.push({
      code: 'unknown-certainty',
      path: `${path}.certainty`,
      text: `${path}.certainty must be one of ${certainties.join(', ')}.`,
    });
  }
  return { source: typeof source === 'string' ? source : '', certainty: certainty ?? 'unverified' };
}

/** Whether a number is a fact or a setting. */
export function readBasis(p: ProblemList, value: unknown, path: string): Basis {
  return readOneOf(p, value, path, bases) ?? 'setting';
}
