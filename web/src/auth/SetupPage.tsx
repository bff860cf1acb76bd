// SetupPage: first run; creates the first service and its administrator, then signs them in.
import { useState, type SubmitEvent } from 'react';
import { setupSchema, type SessionView } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSession } from '../session/session-context.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit, zodErrors } from '../ui/use-form-submit.ts';
import { PASSWORD_HINT } from './password-hint.ts';

const CLINICAL_ROLES = [
  { value: 'prescriber', label: 'Prescriber' },
  { value: 'nurse', label: 'Nurse' },
  { value: 'practitioner', label: 'Practitioner' },
  { value: 'supervisor', label: 'Supervisor' },
] as const;

/** The "Set up KASPR" form. */
export function SetupPage() {
  usePageTitle('Set up KASPR');
  const { signedIn, refresh } = useSession();
  const form = useFormSubmit();
  const [values, setValues] = useState({
    displayName: '',
    email: '',
    password: '',
    serviceName: '',
    clinicalRole: '',
  });
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const { clinicalRole, ...rest } = values;
    const body = { ...rest, ...(clinicalRole ? { clinicalRole } : {}) };
    const parsed = setupSchema.safeParse(body);
    void form.submit(
      async () => {
        try {
          signedIn(await api.post<SessionView>('/setup', body)); // <PublicOnly> then opens the start page
        } catch (err) {
          // Someone else finished setup first: reload the state so the sign-in page is shown.
          if ((err as { code?: string }).code === 'setup-complete') void refresh();
          throw err;
        }
      },
      parsed.success ? {} : zodErrors(parsed.error),
    );
  };

  return (
    <>
      <h1>Set up KASPR</h1>
      <p>
        Create your service and the first administrator account. You can add staff and more services once
        signed in.
      </p>
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
        <Field
          label="Your name"
          value={values.displayName}
          onValue={set('displayName')}
          error={form.errors.displayName}
          autoComplete="name"
          required
        />
        <Field
          label="Email"
          type="email"
          value={values.email}
          onValue={set('email')}
          error={form.errors.email}
          autoComplete="email"
          required
        />
        <Field
          label="Password"
          type="password"
          value={values.password}
          onValue={set('password')}
          error={form.errors.password}
          hint={PASSWORD_HINT}
          autoComplete="new-password"
          required
        />
        <Field
          label="Service name"
          value={values.serviceName}
          onValue={set('serviceName')}
          error={form.errors.serviceName}
          hint="The team or site, for example “Leeds Ketamine Service”."
          required
        />
        <SelectField
          label="Your clinical role (optional)"
          value={values.clinicalRole}
          onValue={set('clinicalRole')}
          options={CLINICAL_ROLES}
          placeholder="None: administrator only"
          error={form.errors.clinicalRole}
        />
        <div className="actions">
          <button type="submit" disabled={form.busy}>
            Create administrator
          </button>
        </div>
      </form>
    </>
  );
}
