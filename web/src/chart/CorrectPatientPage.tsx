// CorrectPatientPage: correct the record as a new version, prefilled, with a reason, guarded by If-Match.
import { useEffect, useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { correctPatientSchema, type PatientRecord } from '../../../src/schemas/patient.ts';
import { request } from '../api/client.ts';
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { PatientFormFields } from '../patients/form/PatientFormFields.tsx';
import {
  buildPatientRequest,
  formErrors,
  type PatientContentBody,
} from '../patients/form/patient-form-request.ts';
import { formFromRecord, type PatientFormValues } from '../patients/form/patient-form-values.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { Notice } from '../ui/Notice.tsx';
import { patientName } from '../ui/format.ts';
import { useFormSubmit, zodErrors } from '../ui/use-form-submit.ts';
import type { ChartRecord } from './ChartPage.tsx';
import { correctionChanges } from './correction-diff.ts';

/** The "Correct record" form for /patients/:id/correct. */
export function CorrectPatientPage() {
  usePageTitle('Correct record');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const record = useApiData<ChartRecord>(`/patients/${encodeURIComponent(id)}`);
  const form = useFormSubmit();
  const [values, setValues] = useState<PatientFormValues | null>(null);
  const [base, setBase] = useState<PatientContentBody | null>(null);
  const [reason, setReason] = useState('');
  const { reset } = form;

  useEffect(() => {
    if (!record.data) return;
    const filled = formFromRecord(record.data);
    setValues(filled);
    setBase(buildPatientRequest(filled).body);
    reset();
  }, [record.data, reset]);

  if (record.error) return <Notice kind="error">{record.error.detail ?? record.error.title}</Notice>;
  if (!record.data || !values || !base) return <p role="status">Loading the record…</p>;
  const patient = record.data;
  const etag = record.etag ?? `W/"${patient.version}"`;
  const built = buildPatientRequest(values);
  const errors = formErrors(form.errors, built.body);
  const stale = form.problem?.code === 'precondition-failed';

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const { changes, errors: removeErrors } = correctionChanges(base, built.body);
    const body = { ...changes, reason: reason.trim() };
    const parsed = correctPatientSchema.safeParse(body);
    const local = {
      ...(parsed.success ? {} : formErrors(zodErrors(parsed.error), built.body)),
      ...built.errors,
      ...removeErrors,
    };
    if (Object.keys(changes).length === 0)
      local.form = 'Nothing has changed yet: edit the fields that are wrong.';
    void form.submit(async () => {
      const res = await request<PatientRecord>('PATCH', `/patients/${patient.id}`, {
        body,
        headers: { 'if-match': etag },
      });
      void navigate(`/patients/${patient.id}`, {
        state: { flash: `Record corrected (version ${res.data.version}).` },
      });
    }, local);
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/patients/${patient.id}`}>{patientName(patient)}</Link>
      </p>
      <h1>Correct record</h1>
      <p>
        Correcting the record of <strong>{patientName(patient)}</strong> (version {patient.version}). The
        current version is kept in the history; say why it is being corrected.
      </p>
      <form onSubmit={onSubmit} noValidate className="stack patient-form">
        <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
        {errors.form ? <p className="field-error">{errors.form}</p> : null}
        {stale ? (
          <div className="notice notice-warning">
            <p>
              Someone else changed this record after you opened it. Reload to see the current version; your
              edits here will be replaced.
            </p>
            <button type="button" onClick={record.reload}>
              Reload the current record
            </button>
          </div>
        ) : null}
        <PatientFormFields
          values={values}
          patch={(change) => setValues((v) => (v ? { ...v, ...change } : v))}
          errors={errors}
        />
        <Field
          label="Reason for correction"
          multiline
          value={reason}
          onValue={setReason}
          error={errors.reason}
          hint="For example: date of birth mistyped at registration."
          required
        />
        <div className="actions">
          <button type="submit" disabled={form.busy}>
            Save correction
          </button>
          <Link to={`/patients/${patient.id}`} className="button-link">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
