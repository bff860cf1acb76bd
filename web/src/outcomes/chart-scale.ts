// Axis ticks for the count charts (monthly bars and trend lines).

/** Whole-number ticks from 0 to at least `max`, at most five. */
export function countTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 4));
  const out: number[] = [];
  for (let v = 0; v < max + step; v += step) out.push(v);
  return out;
}
