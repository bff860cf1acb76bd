// BreakGlassPage: emergency, audited access to a patient of another service by exact NHS number or MRN.
import { Link, useNavigate } from 'react-router';
import { breakGlassSchema } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { RefusalNote } from '../ui/RefusalNote.tsx';
import { useForm } from '../ui/use-form.ts';

interface Grants {
  grants: { id: string; patientId: string; expiresAt: string }[];
}

/** The "Emergency access" form; on success opens the patient's chart. */
export function BreakGlassPage() {
  usePageTitle('Emergency access');
  const navigate = useNavigate();
  const form = useForm(
    breakGlassSchema,
    { identifier: '', reason: '' },
    { toBody: (v) => ({ identifier: v.identifier.trim(), reason: v.reason.trim() }) },
  );

  const onSubmit = () =>
    void form.send(async (body) => {
      const { grants } = await api.post<Grants>('/break-glass', body);
      const first = grants[0];
      if (first) void navigate(`/patients/${first.patientId}`);
    });

  return (
    <>
      <p className="breadcrumb">
        <Link to="/patients">Back to patients</Link>
      </p>
      <h1>Emergency access</h1>
      <div className="notice notice-warning">
        <p>
          Use this only when you need the record of a patient registered with another service, for their care
          now. Access lasts a limited time, is recorded in the audit trail, and is reviewed by a supervisor.
        </p>
      </div>
      <Form
        form={form}
        onSubmit={onSubmit}
        submit="Request emergency access"
        submitClassName="button-warning"
        problemView={
          form.problem?.status === 404 ? (
            <RefusalNote
              title="No patient in another service has that identifier"
              advice="Check the number. Patients of your own services are found through the patient search."
            />
          ) : undefined
        }
        actions={
          <Link to="/patients" className="button-link">
            Cancel
          </Link>
        }
      >
        <Field
          label="NHS number or MRN"
          {...form.field('identifier')}
          hint="The exact number; no names or partial numbers."
          autoComplete="off"
          required
        />
        <Field
          label="Clinical reason"
          multiline
          {...form.field('reason')}
          hint="Why you need this record now (at least 10 characters)."
          required
        />
      </Form>
    </>
  );
}
