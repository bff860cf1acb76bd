// Replies of sign-in, first-run setup, invitations and the signed-in user's own account (/me): the session the
// web client keeps, and the account shapes it shows.
import { z } from 'zod';

/** A staff account as the API shows it: never its password, second-factor secret or invitation token. */
export const userViewReply = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  serviceIds: z.array(z.string()),
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  invitePending: z.boolean().describe('True until the invited user sets a password'),
});
export type UserView = z.output<typeof userViewReply>;

/**
 * The signed-in session (GET /me, sign-in, setup, invitation, second-factor changes): the user with what they
 * may do and where, the CSRF token for writes, and the idle timeout the client warns before.
 */
export const sessionReply = z.object({
  user: userViewReply.extend({
    permissions: z.array(z.string()),
    services: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        timeZone: z.string().describe("The service's IANA time zone: the clock its pages and documents show"),
      }),
    ),
    totpEnrolmentRequired: z
      .boolean()
      .describe('An administrator who must enrol a second factor before anything else'),
  }),
  csrfToken: z.string().describe('Send as X-CSRF-Token with every write'),
  sessionIdleMinutes: z.number().int(),
});
export type SessionView = z.output<typeof sessionReply>;

/** GET /setup: whether the first administrator has still to be created. */
export const setupNeededReply = z.object({ needed: z.boolean() });
export type SetupNeeded = z.output<typeof setupNeededReply>;

/** GET /auth/invite/:token: who the invitation is for. */
export const invitationReply = z.object({ email: z.string(), displayName: z.string() });
export type Invitation = z.output<typeof invitationReply>;

/** POST /me/totp/setup: the new secret, to type in or scan as an otpauth:// link (RFC 6238 authenticators). */
export const totpEnrolmentReply = z.object({ secret: z.string(), otpauthUrl: z.string() });
export type TotpEnrolment = z.output<typeof totpEnrolmentReply>;
