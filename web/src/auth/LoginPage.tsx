// LoginPage: sign in with email and password, then a six-digit code when the account has a second factor.
import { useRef, useState } from 'react';
import type { SessionView } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { hasDrafts } from '../forms/draft-store.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSession } from '../session/session-context.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useForm } from '../ui/use-form.ts';
import { AccountFields } from './AccountFields.tsx';

/** The "Sign in to KASPR" form. */
export function LoginPage() {
  usePageTitle('Sign in');
  const { signedIn, message, clearMessage } = useSession();
  const form = useForm(null, { email: '', password: '', totp: '' });
  const { email, password, totp } = form.values;
  const [needsCode, setNeedsCode] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  // Read once: after a forced sign-in the unsaved text is waiting in this tab for the same user.
  const [draftsKept] = useState(hasDrafts);

  const onSubmit = () => {
    const local: Record<string, string> = {};
    if (!email.trim()) local.email = 'Enter your email';
    if (!password) local.password = 'Enter your password';
    if (needsCode && !/^\d{6}$/.test(totp.trim()))
      local.totp = 'Enter the six digits shown in your authenticator app';
    void form.submit(async () => {
      try {
        const body = { email: email.trim(), password, ...(needsCode ? { totp: totp.trim() } : {}) };
        const view = await api.post<SessionView>('/auth/login', body);
        clearMessage();
        // <PublicOnly> now redirects to the page that asked for sign-in.
        signedIn(view);
      } catch (err) {
        if ((err as { code?: string }).code === 'totp-required') {
          setNeedsCode(true);
          window.setTimeout(() => codeRef.current?.focus(), 0);
        }
        throw err;
      }
    }, local);
  };

  const codeError =
    form.errors.totp ?? (form.problem?.code === 'totp-invalid' ? form.problem.title : undefined);

  return (
    <>
      <h1>Sign in to KASPR</h1>
      {message && !form.problem ? (
        <Notice kind={message.startsWith('Your session') ? 'warning' : 'info'}>{message}</Notice>
      ) : null}
      {draftsKept && message?.startsWith('Your session') ? (
        <p className="hint">
          Unsaved text is kept in this tab and comes back when you sign in again as the same user.
        </p>
      ) : null}
      <Form form={form} onSubmit={onSubmit} submit="Sign in">
        <AccountFields purpose="sign-in" email={form.field('email')} password={form.field('password')} />
        {needsCode ? (
          <Field
            ref={codeRef}
            label="Authentication code"
            {...form.field('totp')}
            error={codeError}
            hint="The six-digit code from your authenticator app."
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
          />
        ) : null}
      </Form>
    </>
  );
}
