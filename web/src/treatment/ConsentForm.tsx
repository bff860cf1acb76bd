// ConsentForm: choose the route, read its document with the patient, and record a typed or drawn signature.
import { consentSchema } from '../../../src/schemas/treatment.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { RadioGroup } from '../ui/RadioGroup.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useForm } from '../ui/use-form.ts';
import { ConsentDocumentView } from './ConsentDocumentView.tsx';
import { ConsentWitness } from './ConsentWitness.tsx';
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

const SIGN_KINDS = [
  { value: 'typed', label: 'Typed name' },
  { value: 'drawn', label: 'Drawn signature' },
] as const;

type Values = {
  route: Route;
  name: string;
  kind: 'typed' | 'drawn';
  image: string | null;
  witnessEmail: string;
  witnessPassword: string;
};

const INITIAL: Values = {
  route: 'iv-racemic',
  name: '',
  kind: 'typed',
  image: null,
  witnessEmail: '',
  witnessPassword: '',
};

const witnessGiven = (v: Values) => v.witnessEmail.trim() !== '' || v.witnessPassword !== '';

/** The body of POST /patients/:id/consents for the route's document. */
function consentBody(v: Values, doc: ConsentDocument | undefined): ConsentBody {
  return {
    route: v.route,
    documentId: doc?.id ?? '',
    documentVersion: doc?.version ?? '',
    signature:
      v.kind === 'drawn' && v.image
        ? { kind: 'drawn', name: v.name.trim(), image: v.image }
        : { kind: 'typed', name: v.name.trim() },
    ...(witnessGiven(v) ? { witness: { email: v.witnessEmail.trim(), password: v.witnessPassword } } : {}),
  };
}

/** The form's own messages: a document, the patient's name and signature, and a whole witness signature. */
function ownErrors(v: Values, doc: ConsentDocument | undefined): Record<string, string> {
  const own: Record<string, string> = {};
  const witnessed = witnessGiven(v) || doc?.witnessRequired;
  if (!doc) own.documentId = 'There is no consent document for this route';
  if (!v.name.trim()) own['signature.name'] = "Enter the patient's full name";
  if (v.kind === 'drawn' && !v.image) own['signature.image'] = 'The patient signs in the box';
  if (witnessed && !v.witnessEmail.trim()) own['witness.email'] = "Enter the witness's email";
  if (witnessed && !v.witnessPassword) own['witness.password'] = 'The witness enters their password';
  return own;
}

/** "Route", the document, "Patient's full name", "Typed name" / "Drawn signature", witness, "Sign consent". */
export function ConsentForm({ patientId, documents, onSigned }: ConsentFormProps) {
  const form = useForm(consentSchema, INITIAL, {
    toBody: (v) => consentBody(v, documentFor(documents, v.route)),
  });
  const { values, set, errors } = form;
  const doc = documentFor(documents, values.route);

  const onSubmit = () =>
    void form.send(
      async (body) => {
        onSigned(await api.post<ConsentView>(`/patients/${encodeURIComponent(patientId)}/consents`, body));
      },
      ownErrors(values, doc),
    );

  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      submit="Sign consent"
      label="Sign consent"
      canSubmit={doc !== undefined}
    >
      <SelectField
        label="Route"
        value={values.route}
        onValue={(v) => {
          const chosen = asRoute(v);
          if (chosen) set('route')(chosen);
        }}
        options={ROUTE_OPTIONS}
        error={errors.route ?? errors.documentId}
      />
      {doc ? <ConsentDocumentView doc={doc} /> : <p>No consent document for this route.</p>}
      <Field
        label="Patient's full name"
        required
        maxLength={200}
        autoComplete="off"
        {...form.field('name')}
        error={errors['signature.name']}
      />
      <RadioGroup
        legend="How the patient signs"
        name="consent-signature-kind"
        options={SIGN_KINDS}
        value={values.kind}
        onValue={set('kind')}
      />
      {values.kind === 'drawn' ? (
        <SignaturePad onChange={set('image')} error={errors['signature.image']} />
      ) : null}
      <ConsentWitness
        required={doc?.witnessRequired ?? false}
        error={errors.witness}
        email={{ ...form.field('witnessEmail'), error: errors['witness.email'] }}
        password={{ ...form.field('witnessPassword'), error: errors['witness.password'] }}
      />
    </Form>
  );
}
