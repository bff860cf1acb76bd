// ChangePasswordForm: change one's own password; other sessions of the account are signed out by the server.
import { useState, type SubmitEvent } from 'react';
import { changePasswordSchema } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { PASSWORD_HINT } from '../auth/password-hint.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useFormSubmit, zodErrors } from '../ui/use-form-submit.ts';

/** The "Change password" section of the account page. */
export function ChangePasswordForm() {
  const form = useFormSubmit();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [done, setDone] = useState(false);

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    setDone(false);
    const body = { currentPassword, newPassword };
    const parsed = changePasswordSchema.safeParse(body);
    void form.submit(
      async () => {
        await api.post('/me/password', body);
        setCurrent('');
        setNew('');
        setDone(true);
      },
      parsed.success ? {} : zodErrors(parsed.error),
    );
  };

  return (
    <section className="panel" aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      {done ? (
        <Notice kind="success">Password changed. Any other sessions of your account were signed out.</Notice>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
        <Field
          label="Current password"
          type="password"
          value={currentPassword}
          onValue={setCurrent}
          error={form.errors.currentPassword}
          autoComplete="current-password"
          required
        />
        <Field
          label="New password"
          type="password"
          value={newPassword}
          onValue={setNew}
          error={form.errors.newPassword}
          hint={PASSWORD_HINT}
          autoComplete="new-password"
          required
        />
        <div className="actions">
          <button type="submit" disabled={form.busy}>
            Change password
          </button>
        </div>
      </form>
    </section>
  );
}
