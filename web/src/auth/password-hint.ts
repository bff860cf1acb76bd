// The password hint shown wherever a new password is chosen (policy in src/domain/auth/password-policy.ts).
import { MIN_PASSWORD_LENGTH } from '../../../src/domain/auth/password-policy.ts';

export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters. A phrase of several words is easiest to remember.`;
