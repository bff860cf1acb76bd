// ChangePasswordForm: change one's own password; other sessions of the account are signed out by the server.
import { useState } from 'react';
import { changePasswordSchema } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { PasswordField } from '../auth/AccountFields.tsx';
import { Form } from '../ui/Form.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useForm } from '../ui/use-form.ts';

/** The "Change password" section of the account page. */
export function ChangePasswordForm() {
  const form = useForm(changePasswordSchema, { currentPassword: '', newPassword: '' });
  const [done, setDone] = useState(false);

  const onSubmit = () => {
    setDone(false);
    void form.send(async (body) => {
      await api.post('/me/password', body);
      form.clear();
      setDone(true);
    });
  };

  return (
    <section className="panel" aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      {done ? (
        <Notice kind="success">Password changed. Any other sessions of your account were signed out.</Notice>
      ) : null}
      <Form form={form} onSubmit={onSubmit} submit="Change password">
        <PasswordField label="Current password" {...form.field('currentPassword')} />
        <PasswordField label="New password" fresh {...form.field('newPassword')} />
      </Form>
    </section>
  );
}
