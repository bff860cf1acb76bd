// SecondFactorSection: the account's second factor: set it up, or turn it off with a current code.
import { useState, type SubmitEvent } from 'react';
import type { SessionView } from '../../../src/schemas/auth.ts';
import type { FieldErrors } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { useSession, useSignedIn } from '../session/session-context.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { TotpSetup } from './TotpSetup.tsx';

/** The "Second factor" section of the account page. */
export function SecondFactorSection() {
  const session = useSignedIn();
  const { signedIn } = useSession();
  const form = useFormSubmit();
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const onDisable = (e: SubmitEvent) => {
    e.preventDefault();
    const local: FieldErrors = /^\d{6}$/.test(code.trim())
      ? {}
      : { code: 'Enter the six digits shown in your authenticator app' };
    void form.submit(async () => {
      signedIn(await api.post<SessionView>('/me/totp/disable', { code: code.trim() }));
      setCode('');
      setDone('Second factor turned off.');
    }, local);
  };

  return (
    <section className="panel" aria-labelledby="second-factor-heading">
      <h2 id="second-factor-heading">Second factor</h2>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {session.user.totpEnabled ? (
        <form onSubmit={onDisable} noValidate className="stack">
          <p>A second factor (authenticator app) is turned on for your account.</p>
          <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
          <Field
            label="Authentication code"
            value={code}
            onValue={setCode}
            error={
              form.errors.code ?? (form.problem?.code === 'totp-invalid' ? form.problem.title : undefined)
            }
            hint="A current code from your app, to confirm it is you."
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
          />
          <div className="actions">
            <button type="submit" className="button-secondary" disabled={form.busy}>
              Turn off second factor
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>
            Your account signs in with a password only. A second factor protects it if the password is ever
            exposed.
          </p>
          <TotpSetup
            onDone={() => setDone('Second factor turned on. You will be asked for a code when you sign in.')}
          />
        </>
      )}
    </section>
  );
}
