// ConsentForm: choose the route, read its document with the patient, and record a typed or drawn signature.
import { useId, useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { ConsentDocumentView } from './ConsentDocumentView.tsx';
import { SignaturePad } from './SignaturePad.tsx';
import { ROUTE_OPTIONS, asRoute } from './treatment-labels.ts';
import type { ConsentBody, ConsentDocument, ConsentView, Route } from './treatment-types.ts';

interface ConsentFormProps {
  patientId: string;
  documents: readonly ConsentDocument[];
  onSigned: (consent: ConsentView) => void;
}

/** The newest version of the route's document (versions compared number by number). */
function documentFor(documents: readonly ConsentDocument[], route: Route): ConsentDocument | undefined {
  const parts = (v: string) => v.split('.').map(Number);
  const newer = (a: string, b: string) => {
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i += 1)
      if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
    return false;
  };
  return documents
    .filter((d) => d.route === route)
    .reduce<ConsentDocument | undefined>(
      (best, d) => (!best || newer(d.version, best.version) ? d : best),
      undefined,
    );
}

/** "Route", the document, "Patient's full name", "Typed name" / "Drawn signature", witness, "Sign consent". */
export function ConsentForm({ patientId, documents, onSigned }: ConsentFormProps) {
  const form = useFormSubmit();
  const kindName = useId();
  const [route, setRoute] = useState<Route>('iv-racemic');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'typed' | 'drawn'>('typed');
  const [image, setImage] = useState<string | null>(null);
  const [witnessEmail, setWitnessEmail] = useState('');
  const [witnessPassword, setWitnessPassword] = useState('');
  const doc = documentFor(documents, route);
  const witnessGiven = witnessEmail.trim() !== '' || witnessPassword !== '';

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const localErrors: Record<string, string> = {};
    if (!doc) localErrors.documentId = 'There is no consent document for this route';
    if (!name.trim()) localErrors['signature.name'] = "Enter the patient's full name";
    if (kind === 'drawn' && !image) localErrors['signature.image'] = 'The patient signs in the box';
    if ((witnessGiven || doc?.witnessRequired) && !witnessEmail.trim())
      localErrors['witness.email'] = "Enter the witness's email";
    if ((witnessGiven || doc?.witnessRequired) && !witnessPassword)
      localErrors['witness.password'] = 'The witness enters their password';
    void form.submit(async () => {
      if (!doc) return;
      const body: ConsentBody = {
        route,
        documentId: doc.id,
        documentVersion: doc.version,
        signature:
          kind === 'drawn' && image
            ? { kind: 'drawn', name: name.trim(), image }
            : { kind: 'typed', name: name.trim() },
        ...(witnessGiven ? { witness: { email: witnessEmail.trim(), password: witnessPassword } } : {}),
      };
      onSigned(await api.post<ConsentView>(`/patients/${encodeURIComponent(patientId)}/consents`, body));
    }, localErrors);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Sign consent">
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      <SelectField
        label="Route"
        value={route}
        onValue={(v) => {
          const chosen = asRoute(v);
          if (chosen) setRoute(chosen);
        }}
        options={ROUTE_OPTIONS}
        error={form.errors.route ?? form.errors.documentId}
      />
      {doc ? <ConsentDocumentView doc={doc} /> : <p>No consent document for this route.</p>}
      <Field
        label="Patient's full name"
        required
        maxLength={200}
        autoComplete="off"
        value={name}
        onValue={setName}
        error={form.errors['signature.name']}
      />
      <fieldset>
        <legend>How the patient signs</legend>
        <div className="radio-row">
          {(
            [
              ['typed', 'Typed name'],
              ['drawn', 'Drawn signature'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name={kindName}
                checked={kind === value}
                onChange={() => {
                  setKind(value);
                }}
              />
              <span>{label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {kind === 'drawn' ? <SignaturePad onChange={setImage} error={form.errors['signature.image']} /> : null}
      <fieldset className={form.errors.witness ? 'field-invalid' : undefined}>
        <legend>{doc?.witnessRequired ? 'Witness' : 'Witness (optional)'}</legend>
        <p className="hint">A second member of staff countersigns by entering their own password.</p>
        {form.errors.witness ? <p className="field-error">{form.errors.witness}</p> : null}
        <div className="field-grid">
          <Field
            label="Witness email"
            type="email"
            autoComplete="off"
            maxLength={254}
            value={witnessEmail}
            onValue={setWitnessEmail}
            error={form.errors['witness.email']}
          />
          <Field
            label="Witness password"
            type="password"
            autoComplete="off"
            maxLength={1024}
            value={witnessPassword}
            onValue={setWitnessPassword}
            error={form.errors['witness.password']}
          />
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={form.busy || !doc}>
          Sign consent
        </button>
      </div>
    </form>
  );
}
