// AccountFields: the name, email and password fields of setup, sign-in, invitation, password change and adding staff.
import { Field } from '../ui/Field.tsx';
import type { FieldBinding } from '../ui/use-form.ts';
import { PASSWORD_HINT } from './password-hint.ts';

/** Whose account the fields describe, which decides what the browser may fill in. */
type Purpose = 'own' | 'sign-in' | 'someone-else';

interface PasswordFieldProps extends FieldBinding {
  label?: string;
  /** A password being chosen: the policy hint, and the browser may suggest a new one. */
  fresh?: boolean;
}

/** One password box; a fresh one shows the password policy. */
export function PasswordField({ label = 'Password', fresh = false, ...binding }: PasswordFieldProps) {
  return (
    <Field
      label={label}
      type="password"
      {...binding}
      hint={fresh ? PASSWORD_HINT : undefined}
      autoComplete={fresh ? 'new-password' : 'current-password'}
      required
    />
  );
}

interface AccountFieldsProps {
  purpose: Purpose;
  name?: FieldBinding & { label: string };
  email?: FieldBinding;
  password?: FieldBinding;
}

/** The given ones of name, email and password, in that order (a password is fresh unless signing in). */
export function AccountFields({ purpose, name, email, password }: AccountFieldsProps) {
  const own = purpose !== 'someone-else';
  return (
    <>
      {name ? <Field {...name} autoComplete={own ? 'name' : 'off'} required /> : null}
      {email ? (
        <Field
          label="Email"
          type="email"
          {...email}
          autoComplete={purpose === 'sign-in' ? 'username' : own ? 'email' : 'off'}
          required
        />
      ) : null}
      {password ? <PasswordField {...password} fresh={purpose !== 'sign-in'} /> : null}
    </>
  );
}
