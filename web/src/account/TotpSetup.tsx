// TotpSetup: starts second-factor enrolment, shows the secret to type into an authenticator app, and confirms a code.
import { useState, type SubmitEvent } from 'react';
import type { SessionView } from '../../../src/schemas/auth.ts';
import type { TotpEnrolment as Enrolment } from '../../../src/schemas/replies/auth.ts';
import type { FieldErrors } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { useSession } from '../session/session-context.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';

/** "ABCDEFGHIJKL" → "ABCD EFGH IJKL", easier to read aloud and type. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** Set-up in two steps: get a secret, then prove the app works with one code. */
export function TotpSetup({ onDone }: { onDone?: () => void }) {
  const { signedIn } = useSession();
  const start = useFormSubmit();
  const confirm = useFormSubmit();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');

  const begin = () =>
    void start.submit(async () => {
      setEnrolment(await api.post<Enrolment>('/me/totp/setup'));
    });

  const onConfirm = (e: SubmitEvent) => {
    e.preventDefault();
    const local: FieldErrors = /^\d{6}$/.test(code.trim())
      ? {}
      : { code: 'Enter the six digits shown in your authenticator app' };
    void confirm.submit(async () => {
      signedIn(await api.post<SessionView>('/me/totp/enable', { code: code.trim() }));
      onDone?.();
    }, local);
  };

  if (!enrolment) {
    return (
      <div className="stack">
        <FormProblem problem={start.problem} />
        <p>
          You will need an authenticator app on your phone or computer (for example one your organisation
          approves).
        </p>
        <div className="actions">
          <button type="button" onClick={begin} disabled={start.busy}>
            Set up second factor
          </button>
        </div>
      </div>
    );
  }
  return (
    <form onSubmit={onConfirm} noValidate className="stack">
      <ol className="steps">
        <li>
          In your authenticator app, add an account by entering this key by hand:
          <p className="secret" aria-label="Secret key">
            {groupSecret(enrolment.secret)}
          </p>
          <p className="hint">
            Or, if your app accepts a set-up link, use:{' '}
            <code className="otpauth">{enrolment.otpauthUrl}</code>
          </p>
        </li>
        <li>Enter the six-digit code the app now shows.</li>
      </ol>
      <FormProblem problem={confirm.problem} localErrors={confirm.localErrorCount} />
      <Field
        label="Authentication code"
        value={code}
        onValue={setCode}
        error={
          confirm.errors.code ??
          (confirm.problem?.code === 'totp-invalid' ? confirm.problem.title : undefined)
        }
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
      />
      <div className="actions">
        <button type="submit" disabled={confirm.busy}>
          Turn on second factor
        </button>
      </div>
    </form>
  );
}
