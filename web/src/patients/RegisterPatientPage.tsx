// RegisterPatientPage: the "Register patient" form; on success opens the new patient's chart.
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { createPatientSchema, type PatientRecord } from '../../../src/schemas/patient.ts';
import { api } from '../api/client.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSignedIn } from '../session/session-context.ts';
import { FormProblem } from '../ui/FormProblem.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit, zodErrors } from '../ui/use-form-submit.ts';
import { PatientFormFields } from './form/PatientFormFields.tsx';
import { buildPatientRequest, formErrors } from './form/patient-form-request.ts';
import { emptyPatientForm, type PatientFormValues } from './form/patient-form-values.ts';

/** Registers a new patient in one of the user's services. */
export function RegisterPatientPage() {
  usePageTitle('Register patient');
  const session = useSignedIn();
  const services = session.user.services;
  const navigate = useNavigate();
  const form = useFormSubmit();
  const [values, setValues] = useState<PatientFormValues>(emptyPatientForm);
  const [serviceId, setServiceId] = useState('');
  const patch = (change: Partial<PatientFormValues>) => setValues((v) => ({ ...v, ...change }));
  const { body } = buildPatientRequest(values);
  const errors = formErrors(form.errors, body);

  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const built = buildPatientRequest(values);
    const request = { ...built.body, ...(serviceId ? { serviceId } : {}) };
    const parsed = createPatientSchema.safeParse(request);
    const local = {
      ...(parsed.success ? {} : formErrors(zodErrors(parsed.error), built.body)),
      ...built.errors,
    };
    if (services.length > 1 && !serviceId) local.serviceId = 'Choose the service this patient belongs to';
    void form.submit(async () => {
      const created = await api.post<PatientRecord>('/patients', request);
      void navigate(`/patients/${created.id}`, { state: { flash: 'Patient registered.' } });
    }, local);
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/patients">Back to patients</Link>
      </p>
      <h1>Register patient</h1>
      <form onSubmit={onSubmit} noValidate className="stack patient-form">
        <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
        {services.length > 1 ? (
          <SelectField
            label="Service"
            value={serviceId}
            onValue={setServiceId}
            options={services.map((s) => ({ value: s.id, label: s.name }))}
            placeholder="Choose a service"
            error={errors.serviceId}
            required
          />
        ) : null}
        <PatientFormFields values={values} patch={patch} errors={errors} />
        <div className="actions">
          <button type="submit" disabled={form.busy}>
            Register patient
          </button>
          <Link to="/patients" className="button-link">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
