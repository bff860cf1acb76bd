// BreakGlassPage: emergency, audited access to a patient of another service by exact NHS number or MRN.
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { breakGlassSchema } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { useFormSubmit, zodErrors } from '../ui/use-form-submit.ts';

interface Grants {
  grants: { id: string; patientId: string; expiresAt: string }[];
}

/** The "Emergency access" form; on success opens the patient's chart. */
export function BreakGlassPage() {
  usePageTitle('Emergency access');
  const navigate = useNavigate();
  const form = useFormSubmit();
  const [identifier, setIdentifier] = useState('');
  const [reason, setReason] = useState('');

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const body = { identifier: identifier.trim(), reason: reason.trim() };
    const parsed = breakGlassSchema.safeParse(body);
    void form.submit(
      async () => {
        const { grants } = await api.post<Grants>('/break-glass', body);
        const first = grants[0];
        if (first) void navigate(`/patients/${first.patientId}`);
      },
      parsed.success ? {} : zodErrors(parsed.error),
    );
  };

  const notFound = form.problem?.status === 404;
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
      <form onSubmit={onSubmit} noValidate className="stack">
        {notFound ? (
          <div role="alert" className="form-problem">
            <p className="form-problem-title">No patient in another service has that identifier</p>
            <p>Check the number. Patients of your own services are found through the patient search.</p>
          </div>
        ) : (
          <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
        )}
        <Field
          label="NHS number or MRN"
          value={identifier}
          onValue={setIdentifier}
          error={form.errors.identifier}
          hint="The exact number; no names or partial numbers."
          autoComplete="off"
          required
        />
        <Field
          label="Clinical reason"
          multiline
          value={reason}
          onValue={setReason}
          error={form.errors.reason}
          hint="Why you need this record now (at least 10 characters)."
          required
        />
        <div className="actions">
          <button type="submit" className="button-warning" disabled={form.busy}>
            Request emergency access
          </button>
          <Link to="/patients" className="button-link">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
