// Onward referral and crisis event shapes the chart uses, taken from the server's domain, request and reply schemas.
import type { z } from 'zod';
import type {
  closeReferralSchema,
  createCrisisEventSchema,
  createReferralSchema,
} from '../../../src/schemas/outcomes.ts';
import type { CrisisEvent, outcomeEventKindsReply, Referral } from '../../../src/schemas/replies/outcomes.ts';
import { formatDate } from '../ui/format.ts';

/** An onward referral and a crisis event as the chart lists them. */
export type ReferralView = Referral;
export type CrisisEventView = CrisisEvent;

/** GET /outcome-event-kinds. */
export type OutcomeEventKinds = z.output<typeof outcomeEventKindsReply>;

/** The bodies of POST /patients/:id/onward-referrals, /onward-referrals/:id/outcome and /patients/:id/crisis-events. */
export type NewReferral = z.input<typeof createReferralSchema>;
export type ReferralOutcome = z.input<typeof closeReferralSchema>;
export type NewCrisisEvent = z.input<typeof createCrisisEventSchema>;

/** A destination's or kind's label; an unknown id as sent. */
export function labelOf(list: readonly { id: string; label: string }[], id: string): string {
  return list.find((x) => x.id === id)?.label ?? id;
}

/** Still pending on a day after its due date (dates compare as ISO text). */
export function isOverdue(referral: Pick<ReferralView, 'state' | 'dueOn'>, today: string): boolean {
  return referral.state === 'pending' && today > referral.dueOn;
}

/** "Made 12 Mar 2026", "Cancelled 12 Mar 2026" or "Pending". */
export function referralStateText(referral: Pick<ReferralView, 'state' | 'closedOn'>): string {
  if (referral.state === 'pending') return 'Pending';
  const word = referral.state === 'made' ? 'Made' : 'Cancelled';
  return referral.closedOn ? `${word} ${formatDate(referral.closedOn)}` : word;
}
