// Drops fields whose value is undefined, so validated values serialise to JSON exactly as they compare.

/** A copy of `obj` without its undefined fields. */
export function compact<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, value]) => value !== undefined)) as T;
}
