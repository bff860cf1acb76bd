// The protocol's fixed blood-pressure checks (esketamine: about 40 min after the first device): when each is due,
// the window a reading must fall in to count, and which reading counts.
import { addMinutes, isValidInstant } from '../core/calendar.ts';
import { setting } from './protocol-common.ts';
import type { Protocol } from './protocol.ts';
import type { ProtocolValue } from './protocol-types.ts';
import type { VitalSigns } from './vitals.ts';

const ABOUT =
  'clinic.md §2 BP workflow: measure BP before dosing and "about 40 minutes after" [V spravatohcp; MIMS]; the rise peaks about 40 min after administration [V usmedicine]. No source gives a window: KASPR reads "about" as this many minutes either side (30–50 min for the 40-min check), per the clinical-safety review 2026-12 §6 item 8 [SYN]. Confirm locally.';

/** How far before and after a checkpoint a reading still counts as that checkpoint's (labelled settings). */
export const bpCheckpointWindow: {
  readonly before: ProtocolValue<'min'>;
  readonly after: ProtocolValue<'min'>;
} = {
  before: setting(10, 'min', ABOUT, 'synthesis'),
  after: setting(10, 'min', ABOUT, 'synthesis'),
};

/** One fixed BP check: the checkpoint, when it is due, and the window (both ends included). */
export interface BpCheckpointDue {
  readonly checkpoint: ProtocolValue<'min'>;
  readonly dueAt: Date;
  readonly opensAt: Date;
  readonly closesAt: Date;
}

/** The protocol's BP checks counted from the start of dosing (the first device); none for most protocols. */
export function bpCheckpointsDue(protocol: Protocol, dosedAt: Date): readonly BpCheckpointDue[] {
  if (!isValidInstant(dosedAt)) return [];
  return protocol.monitoring.bpCheckpoints.map((checkpoint) => {
    const dueAt = addMinutes(dosedAt, checkpoint.value);
    return {
      checkpoint,
      dueAt,
      opensAt: addMinutes(dueAt, -bpCheckpointWindow.before.value),
      closesAt: addMinutes(dueAt, bpCheckpointWindow.after.value),
    };
  });
}

/**
 * The reading that counts for a checkpoint: one with both systolic and diastolic, taken inside the window,
 * the nearest to the due time (the earlier on a tie); null when there is none. A reading outside the window
 * never counts, however near it is.
 */
export function readingForCheckpoint(
  due: BpCheckpointDue,
  readings: readonly VitalSigns[],
): VitalSigns | null {
  let best: VitalSigns | null = null;
  const distance = (v: VitalSigns) => Math.abs(v.takenAt.getTime() - due.dueAt.getTime());
  for (const v of readings) {
    const t = v.takenAt.getTime();
    if (!Number.isFinite(t) || !Number.isFinite(v.systolic) || !Number.isFinite(v.diastolic)) continue;
    if (t < due.opensAt.getTime() || t > due.closesAt.getTime()) continue;
    if (best === null || distance(v) < distance(best)) best = v;
  }
  return best;
}
