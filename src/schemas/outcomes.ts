// Request shapes for service outcomes: report scope, pilot comparison, onward referrals and crisis events.
import { z } from 'zod';
import { crisisKindIds, referralDestinationIds } from '../domain/outcomes/index.ts';
import { isoDate, storableString, uuid } from './common.ts';

const [firstDestination = 'other', ...otherDestinations] = referralDestinationIds;
const [firstKind = 'other', ...otherKinds] = crisisKindIds;

/** Who and when a report covers: a period, optionally one service (team) and one practitioner's caseload. */
export const reportScopeQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    service: uuid.optional().describe('One service (team); all your services when left out'),
    practitioner: uuid.optional().describe("One practitioner's caseload"),
  })
  .strict();

/** Who the export is for: small counts are suppressed unless it stays within the team. */
export const audience = z
  .enum(['team', 'external'])
  .default('external')
  .describe('"external" (the default) suppresses counts under 5; "team" keeps every count');

export const pilotQuery = z
  .object({
    firstFrom: isoDate,
    firstTo: isoDate,
    firstService: uuid.optional(),
    firstLabel: storableString().trim().min(1).max(60).optional(),
    secondFrom: isoDate,
    secondTo: isoDate,
    secondService: uuid.optional(),
    secondLabel: storableString().trim().min(1).max(60).optional(),
    practitioner: uuid.optional(),
  })
  .strict();

export const createReferralSchema = z
  .object({
    destination: z.enum([firstDestination, ...otherDestinations]),
    decidedOn: isoDate,
    targetDays: z.number().int().min(0).max(365),
    decisionId: uuid.optional().describe('The harm decision the referral follows; the latest when left out'),
    reason: storableString().trim().max(2000).optional(),
  })
  .strict();

export const closeReferralSchema = z
  .object({
    outcome: z.enum(['made', 'cancelled']),
    on: isoDate,
    note: storableString().trim().max(2000).optional(),
  })
  .strict();

export const createCrisisEventSchema = z
  .object({
    kind: z.enum([firstKind, ...otherKinds]),
    occurredOn: isoDate,
    note: storableString().trim().max(2000).optional(),
  })
  .strict();

export const retractCrisisEventSchema = z
  .object({ reason: storableString().trim().min(1, 'Say why it was recorded in error').max(1000) })
  .strict();
