// Replies of the administration routes: staff and their credentials, services, organisation settings,
// break-glass grants and their review, and the audit trail with its chain check.
import { z } from 'zod';
import { calendarDate, confirmedReply, instant, orNull } from './common.ts';
import { userViewReply } from './auth.ts';

/** GET /users. */
export const usersReply = z.object({ users: z.array(userViewReply) });

/** PATCH /users/:id: the account as it now is. */
export const userReply = z.object({ user: userViewReply });

/** POST /users: the new account and, when no password was set, the one-time invitation link to pass on. */
export const userCreatedReply = z.object({
  user: userViewReply,
  invitePath: z.string().optional().describe('Shown once: /invite/<token>'),
  inviteExpiresInDays: z.number().int().optional(),
});
export type UserCreated = z.output<typeof userCreatedReply>;

/** A staff credential (a life-support course, a prescriber registration) and whether it is valid today. */
export const credentialReply = z.object({
  id: z.string(),
  userId: z.string(),
  kind: z.string(),
  identifier: orNull(z.string()),
  issuedOn: orNull(calendarDate),
  expiresOn: orNull(calendarDate),
  valid: z.boolean().describe('No expiry, or it expires today or later'),
  recordedAt: instant,
  recordedBy: z.string(),
});
export type Credential = z.output<typeof credentialReply>;

/** GET /users/:id/credentials: newest first. */
export const credentialsReply = z.object({ credentials: z.array(credentialReply) });

/** A service (team or site) with what its documents show. */
export const serviceReply = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: instant,
  timeZone: z.string().describe('IANA time zone of its documents'),
  phone: orNull(z.string()),
  address: orNull(z.string()),
});
export type Service = z.output<typeof serviceReply>;

/** GET /services. */
export const servicesReply = z.object({ services: z.array(serviceReply) });

/** GET and PATCH /settings: organisation-wide settings. */
export const settingsReply = z.object({ requireTotpForAdmins: z.boolean() });
export type Settings = z.output<typeof settingsReply>;

/** POST /break-glass: one grant per matching patient in another service. */
export const grantsCreatedReply = z.object({
  grants: z.array(z.object({ id: z.string(), patientId: z.string(), expiresAt: instant })),
});

export const breakGlassGrantReply = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), displayName: z.string() }),
  patientId: z.string(),
  reason: z.string(),
  grantedAt: instant,
  expiresAt: instant,
  review: orNull(z.object({ reviewedAt: instant, reviewer: orNull(z.string()), note: orNull(z.string()) })),
});
export type BreakGlassGrant = z.output<typeof breakGlassGrantReply>;

/** GET /break-glass: the latest 500 grants, those awaiting review first. */
export const breakGlassGrantsReply = z.object({ grants: z.array(breakGlassGrantReply) });

/** POST /break-glass/:id/review. */
export const reviewedReply = confirmedReply('reviewed');

export const auditEntryReply = z.object({
  seq: z.number().int().describe('The entry number, in the order entries were written; page with `before`'),
  chainSeq: orNull(z.number().int()).describe(
    'Its place in the hash chain; null until the audit sealer has sealed it (normally within a second)',
  ),
  at: instant,
  actor: orNull(z.object({ id: z.string(), displayName: orNull(z.string()) })),
  action: z.string(),
  resourceType: z.string(),
  resourceId: orNull(z.string()),
  patientId: orNull(z.string()),
  outcome: z.string().describe('"success", "denied", "not-found" or "failed"'),
  ip: orNull(z.string()),
  flagged: z.boolean(),
});
export type AuditEntry = z.output<typeof auditEntryReply>;

/** GET /audit: newest first. */
export const auditEntriesReply = z.object({ entries: z.array(auditEntryReply) });

/** A hash chain's check: whether every entry's hash and link to the one before still verify. */
export const hashChainReply = z.object({
  intact: z.boolean(),
  rows: z.number().int().describe('Entries verified'),
  headHash: z.string(),
  brokenAt: z
    .object({ seq: z.number().int(), problem: z.enum(['hash-mismatch', 'prev-hash-mismatch', 'gap']) })
    .optional(),
});

/** GET /audit/verify: the sealed chain checked, and how many entries wait to be sealed. */
export const auditChainReply = hashChainReply.extend({
  rows: z.number().int().describe('Sealed entries verified'),
  pending: z.number().int().describe('Entries written but not yet sealed into the chain'),
});
export type AuditChain = z.output<typeof auditChainReply>;
