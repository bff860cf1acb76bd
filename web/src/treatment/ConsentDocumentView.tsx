// ConsentDocumentView: the consent document to read with the patient: title, version and every section with its source.
import { useId } from 'react';
import { publishedReference } from '../../../src/domain/core/source-text.ts';
import type { ConsentDocument } from './treatment-types.ts';

/** The published work a section rests on, as on the patient's PDF copy; nothing when it names none. */
function SectionReference({ source }: { source: string }) {
  const reference = publishedReference(source);
  return reference ? <small className="rule-source">Source: {reference}</small> : null;
}

/** A scrollable, keyboard-focusable article; each section's source, as a reference, in small print beneath it. */
export function ConsentDocumentView({ doc }: { doc: ConsentDocument }) {
  const id = useId();
  return (
    <article className="consent-document" aria-labelledby={id} tabIndex={0}>
      <h5 id={id}>{doc.title}</h5>
      <p className="hint">
        Version {doc.version}
        {doc.witnessRequired ? ' · a witness must countersign' : ''}
      </p>
      {doc.sections.map((s) => (
        <section key={s.heading} className="consent-section">
          <h6>{s.heading}</h6>
          <p>{s.text}</p>
          <SectionReference source={s.source} />
        </section>
      ))}
    </article>
  );
}
