// Sign-in, setup, staff and service shapes, shared by API and web forms.
import { z } from 'zod';
import { ROLES } from '../domain/access/roles.ts';
import {
  MAX_PASSWORD_LENGTH,
  PASSWORD_PROBLEM_TEXT,
  passwordProblem,
} from '../domain/auth/password-policy.ts';
import { email, isoDate, shortText, storableString, uuid } from './common.ts';

export const newPassword = storableString()
  .max(MAX_PASSWORD_LENGTH * 4)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: PASSWORD_PROBLEM_TEXT[problem] });
  });

export const loginSchema = z
  .object({
    email: storableString().trim().toLowerCase().min(1).max(254),
    password: storableString().min(1).max(1024),
    totp: storableString()
      .regex(/^\d{6}$/, 'Six digits')
      .optional(),
  })
  .strict();

export const roleSchema = z.enum(ROLES);

export const setupSchema = z
  .object({
    email,
    displayName: shortText(100),
    password: newPassword,
    serviceName: shortText(100),
    clinicalRole: z.enum(['prescriber', 'nurse', 'practitioner', 'supervisor']).optional(),
  })
  .strict();

export const createUserSchema = z
  .object({
    email,
    displayName: shortText(100),
    roles: z.array(roleSchema).min(1).max(ROLES.length),
    serviceIds: z
      .array(uuid)
      .max(50)
      .optional()
      .describe('Left out: the only service when there is exactly one, else none'),
    password: newPassword.optional().describe('Leave out to send an invitation link instead'),
  })
  .strict();

export const updateUserSchema = z
  .object({
    displayName: shortText(100).optional(),
    roles: z.array(roleSchema).min(1).max(ROLES.length).optional(),
    serviceIds: z.array(uuid).max(50).optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

export const credentialSchema = z
  .object({
    kind: shortText(100).describe('e.g. "ACLS", "prescriber-registration"'),
    identifier: storableString().trim().max(100).optional(),
    issuedOn: isoDate.optional(),
    expiresOn: isoDate.optional(),
  })
  .strict()
  .refine((c) => !c.issuedOn || !c.expiresOn || c.issuedOn <= c.expiresOn, {
    message: 'Expiry must not be before issue',
    path: ['expiresOn'],
  });

export const acceptInviteSchema = z
  .object({ token: storableString().min(20).max(200), password: newPassword })
  .strict();

export const changePasswordSchema = z
  .object({ currentPassword: storableString().min(1).max(1024), newPassword })
  .strict();

export const totpCodeSchema = z.object({ code: storableString().regex(/^\d{6}$/, 'Six digits') }).strict();

export const serviceSchema = z.object({ name: shortText(100) }).strict();

export const settingsSchema = z.object({ requireTotpForAdmins: z.boolean() }).strict();

export const breakGlassSchema = z
  .object({
    identifier: shortText(40).describe('The exact NHS number or MRN of the patient'),
    reason: storableString().trim().min(10, 'Give the clinical reason (at least 10 characters)').max(1000),
  })
  .strict();

export const breakGlassReviewSchema = z.object({ note: shortText(1000) }).strict();

// The session and account replies are declared with the routes' reply schemas; these names stay for the forms.
export type { SessionView, UserView } from './replies/auth.ts';
