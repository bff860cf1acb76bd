// The protocol's fixed BP checks as prompts on the vitals panel: "40-minute BP due at 10:40 (10:30–10:50)".
import { bpCheckpointsDue, readingForCheckpoint } from '../../../src/domain/treatment/bp-checkpoint.ts';
import { readStoredVitals } from '../../../src/domain/treatment/discharge-events.ts';
import { formatTime } from '../ui/format.ts';
import type { Protocol, SessionEvent } from './treatment-types.ts';

/** One prompt: its text, and whether it still needs a reading (shown as a warning). */
export interface BpCheckpointPrompt {
  text: string;
  needed: boolean;
}

/** A prompt for each fixed BP check of the protocol, once administration has started; none otherwise. */
export function bpCheckpointPrompts(
  protocol: Protocol | null,
  events: readonly SessionEvent[],
): BpCheckpointPrompt[] {
  const start = events.find((e) => e.kind === 'administration-start');
  if (!protocol || !start) return [];
  const readings = events
    .filter((e) => e.kind === 'vitals' && e.data.baseline !== true)
    .map((e) => readStoredVitals({ kind: e.kind, at: new Date(e.at), data: e.data }));
  return bpCheckpointsDue(protocol, new Date(start.at)).map((due) => {
    const label = `${due.checkpoint.value}-minute BP`;
    const window = `${formatTime(due.opensAt.toISOString())}–${formatTime(due.closesAt.toISOString())}`;
    const reading = readingForCheckpoint(due, readings);
    if (reading)
      return {
        text: `${label} recorded at ${formatTime(reading.takenAt.toISOString())}: ${reading.systolic}/${reading.diastolic} mmHg.`,
        needed: false,
      };
    return {
      text: `${label} due at ${formatTime(due.dueAt.toISOString())} (take it between ${window}); discharge needs it.`,
      needed: true,
    };
  });
}
