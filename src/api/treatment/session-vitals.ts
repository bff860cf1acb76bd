// Converting stored vital signs and protocols back into the domain's typed values.
import {
  beatsPerMinute,
  breathsPerMinute,
  mmHg,
  percent,
  validateProtocol,
  type Protocol,
  type VitalSigns,
} from '../../domain/treatment/index.ts';
import type { Vitals } from '../../schemas/treatment.ts';

/** A reading as stored in a session event. */
export type StoredVitals = Vitals;

/** A stored reading as the domain's branded vital signs. */
export function toVitalSigns(v: StoredVitals): VitalSigns {
  return {
    systolic: mmHg(v.systolic),
    diastolic: mmHg(v.diastolic),
    heartRate: beatsPerMinute(v.heartRate),
    spo2: percent(v.spo2),
    ...(v.respiratoryRate !== undefined ? { respiratoryRate: breathsPerMinute(v.respiratoryRate) } : {}),
    takenAt: new Date(v.takenAt),
  };
}

/** The protocol snapshot a session ran under; it was valid when stored, so failing now is a server fault. */
export function sessionProtocol(snapshot: unknown): Protocol {
  const outcome = validateProtocol(snapshot);
  if (!outcome.ok) throw new Error('Stored session protocol no longer validates');
  return outcome.value;
}
