// ContentSignOffSection: the clinical content in force for the service (questionnaires, harm-pathway pack,
// treatment protocols, the service's thresholds) and the sign-off of exactly those versions.
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { formatDate } from '../ui/format.ts';
import { FormProblem } from '../ui/FormProblem.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import type { ContentSignOff, SetupChecklist } from './checklist-types.ts';

type Item = { ref: string; title: string };

function ItemList({ label, items }: { label: string; items: readonly Item[] }) {
  return (
    <>
      <h3>{label}</h3>
      <ul aria-label={label}>
        {items.map((i) => (
          <li key={i.ref}>
            {i.title} <span className="muted">({i.ref})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

interface ContentSignOffSectionProps {
  checklist: SetupChecklist;
  canSignOff: boolean;
  onSignedOff: () => void;
}

/** The "Clinical content" section (#content) with "Sign off the clinical content". */
export function ContentSignOffSection({ checklist, canSignOff, onSignedOff }: ContentSignOffSectionProps) {
  const form = useFormSubmit();
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { content } = checklist;
  const current = checklist.steps.find((s) => s.id === 'content-signoff')?.done ?? false;

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(null);
    void form.submit(async () => {
      const signed = await api.post<ContentSignOff>('/content-signoffs', {
        serviceId: checklist.service.id,
        reviewed: content.refs,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setNote('');
      setSaved(`Clinical content signed off by ${signed.signedOffBy.name}.`);
      onSignedOff();
    });
  };

  return (
    <section id="content" className="panel" aria-labelledby="content-heading">
      <h2 id="content-heading">Clinical content</h2>
      <p>
        The content this service uses, version by version. Review it with your clinical lead; change the
        thresholds your service needs under{' '}
        <Link to="/admin#protocol-settings">Admin → Protocol settings</Link>, then sign off. A later change of
        any version needs a new sign-off.
      </p>
      <ItemList label="Questionnaires" items={content.instruments} />
      <ItemList label="Harm-pathway content pack" items={[content.harmPack]} />
      <ItemList label="Treatment protocols" items={content.protocols} />
      <ItemList label={`Thresholds of ${checklist.service.name}`} items={content.thresholds} />
      {checklist.latestSignOff ? (
        <p className="muted">
          Last signed off by {checklist.latestSignOff.signedOffBy.name} on{' '}
          {formatDate(checklist.latestSignOff.signedOffAt)}
          {current ? '.' : '; the content has changed since.'}
        </p>
      ) : null}
      {canSignOff ? (
        <form onSubmit={onSubmit} noValidate className="stack" aria-label="Sign off the clinical content">
          <FormProblem problem={form.problem} />
          <Field
            label="Note (optional)"
            hint="For example who reviewed it and what was changed"
            value={note}
            onValue={setNote}
            multiline
            error={form.errors.note}
          />
          <div className="actions">
            <button type="submit" disabled={form.busy}>
              Sign off the clinical content
            </button>
            <p role="status" className="saved-note">
              {saved ?? ''}
            </p>
          </div>
        </form>
      ) : null}
    </section>
  );
}
