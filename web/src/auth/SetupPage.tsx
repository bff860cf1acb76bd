// SetupPage: first run; creates the first service and its administrator, then signs them in.
import { setupSchema, type SessionView } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSession } from '../session/session-context.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useForm } from '../ui/use-form.ts';
import { AccountFields } from './AccountFields.tsx';

const CLINICAL_ROLES = [
  { value: 'prescriber', label: 'Prescriber' },
  { value: 'nurse', label: 'Nurse' },
  { value: 'practitioner', label: 'Practitioner' },
  { value: 'supervisor', label: 'Supervisor' },
] as const;

const EMPTY = { displayName: '', email: '', password: '', serviceName: '', clinicalRole: '' };

/** The body of POST /setup: a clinical role only when one is chosen. */
const toBody = ({ clinicalRole, ...rest }: typeof EMPTY) => ({
  ...rest,
  ...(clinicalRole ? { clinicalRole } : {}),
});

/** The "Set up KASPR" form. */
export function SetupPage() {
  usePageTitle('Set up KASPR');
  const { signedIn, refresh } = useSession();
  const form = useForm(setupSchema, EMPTY, { toBody });

  const onSubmit = () =>
    void form.send(async (body) => {
      try {
        signedIn(await api.post<SessionView>('/setup', body)); // <PublicOnly> then opens the start page
      } catch (err) {
        // Someone else finished setup first: reload the state so the sign-in page is shown.
        if ((err as { code?: string }).code === 'setup-complete') void refresh();
        throw err;
      }
    });

  return (
    <>
      <h1>Set up KASPR</h1>
      <p>
        Create your service and the first administrator account. You can add staff and more services once
        signed in.
      </p>
      <Form form={form} onSubmit={onSubmit} submit="Create administrator">
        <AccountFields
          purpose="own"
          name={{ label: 'Your name', ...form.field('displayName') }}
          email={form.field('email')}
          password={form.field('password')}
        />
        <Field
          label="Service name"
          {...form.field('serviceName')}
          hint="The team or site, for example “Leeds Ketamine Service”."
          required
        />
        <SelectField
          label="Your clinical role (optional)"
          {...form.field('clinicalRole')}
          options={CLINICAL_ROLES}
          placeholder="None: administrator only"
        />
      </Form>
    </>
  );
}
