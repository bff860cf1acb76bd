// Codes of the rules that govern a dosing session's state: what may be recorded, in which order, and when.

/** A rule about the order, timing and amounts of a session's events (administration, vitals, discharge). */
export type SessionStateCode =
  | 'administration-already-started'
  | 'administration-not-started'
  | 'administration-already-stopped'
  | 'administration-time-invalid'
  | 'administration-not-recorded'
  | 'administration-differs-needs-reason'
  | 'administration-rate-above-protocol-maximum'
  | 'administration-rate-needed'
  | 'administration-amount-needed'
  | 'administration-amount-invalid'
  | 'cd-stock-at-start-only'
  | 'cd-stock-reason-required'
  | 'cd-stock-reason-with-stock'
  | 'session-discharged';

/** A refusal by one of these rules, with the request field it concerns when there is one. */
export interface SessionStateRefusal {
  readonly code: SessionStateCode;
  readonly text: string;
  readonly path?: string;
}
