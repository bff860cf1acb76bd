// Words for a calculated dose: "Dose 35 mg (0.5 mg/kg) over 40 min at 52.5 mg/h", then volume and pump rate.
import type { DoseResult } from './treatment-types.ts';

/** "Dose 35 mg (0.5 mg/kg) over 40 min at 52.5 mg/h"; parts that do not apply are left out. */
export function doseLine(d: DoseResult): string {
  let line = `Dose ${d.doseMg} mg`;
  if (d.mgPerKg !== null) line += ` (${d.mgPerKg} mg/kg)`;
  if (d.durationMin !== null) line += ` over ${d.durationMin} min`;
  if (d.rateMgPerHour !== null) line += ` at ${d.rateMgPerHour} mg/h`;
  return line;
}

/** "Volume 35 mL at 52.5 mL/h on the pump", or the esketamine devices; null when neither applies. */
export function deliveryLine(d: DoseResult): string | null {
  if (d.devices !== undefined) {
    const rest = d.restBetweenDevicesMin !== undefined ? `, ${d.restBetweenDevicesMin} min apart` : '';
    return `${d.devices} ${d.devices === 1 ? 'device' : 'devices'}${rest}`;
  }
  if (d.volumeMl === undefined) return null;
  const concentration = d.concentrationMgPerMl !== undefined ? ` (${d.concentrationMgPerMl} mg/mL)` : '';
  const rate = d.rateMlPerHour !== undefined ? ` at ${d.rateMlPerHour} mL/h on the pump` : '';
  return `Volume ${d.volumeMl} mL${concentration}${rate}`;
}
