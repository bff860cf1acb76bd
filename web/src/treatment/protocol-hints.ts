// Hints from a protocol for the start-session form: the dose range, the infusion duration, the pre-dose BP limit.
import type { Protocol } from './treatment-types.ts';

/** "Usual 0.5–1 mg/kg; maximum 1.5 mg/kg", "Allowed 56 or 84 mg (28 mg devices)" or "Usual 100–300 mg; …". */
export function doseHint(protocol: Protocol): string {
  const d = protocol.dose;
  switch (d.kind) {
    case 'weight-based':
      return `Usual ${d.usualMin.value}–${d.usualMax.value} mg/kg; maximum ${d.hardMax.value} mg/kg. Uses the weight on the chart.`;
    case 'fixed-devices':
      return `Allowed ${d.allowed.map((a) => a.value).join(' or ')} mg (${d.deviceMg.value} mg devices).`;
    case 'mg-range':
      return `Usual ${d.usualMin.value}–${d.usualMax.value} mg; maximum ${d.hardMax.value} mg${d.step ? `, in steps of ${d.step.value} mg` : ''}.`;
  }
}

/** "40–60 min; 40 min when left blank", or null when the protocol is not infused. */
export function durationHint(protocol: Protocol): string | null {
  const r = protocol.duration;
  if (!r) return null;
  return `${r.min.value}–${r.max.value} min${r.default ? `; ${r.default.value} min when left blank` : ''}.`;
}

/** "140/90": the pre-dose BP above which a prescriber must acknowledge the risk. */
export function preDoseLimit(protocol: Protocol | null): string {
  return protocol
    ? `${protocol.preDose.systolicAbove.value}/${protocol.preDose.diastolicAbove.value}`
    : '140/90';
}
