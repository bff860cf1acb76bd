// The shapes a dosing session keeps as JSON: its dose plan with who stood behind a prescriber's reason, and readings.
import type { SummaryReading } from './discharge-events.ts';
import type { DoseResult } from './dose-types.ts';

/** Who stood behind a prescriber's decision at the bedside, and when. */
export interface PrescriberDecision {
  readonly userId: string;
  readonly via: 'signed-in' | 're-authenticated';
  readonly at: string;
}

/** The session's dose as stored: the checked calculation and, for a prescriber's reason, who gave it. */
export type StoredDose = DoseResult & { readonly prescriberReasonBy?: PrescriberDecision };

/** A reading as stored (baseline and flowsheet): an ISO time and plain numbers, as the discharge summary keeps it. */
export type StoredReading = SummaryReading;
