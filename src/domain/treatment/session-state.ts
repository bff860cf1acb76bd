// Codes of the rules that govern a dosing session's state: what may be recorded, in which order, and when.

/** A rule about the order and timing of a session's events (administration, vitals, discharge). */
export type SessionStateCode =
  | 'administration-already-started'
  | 'administration-not-started'
  | 'administration-already-stopped'
  | 'administration-time-invalid'
  | 'administration-not-recorded'
  | 'cd-stock-at-start-only'
  | 'session-discharged';
