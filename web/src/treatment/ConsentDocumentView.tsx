// ConsentDocumentView: the consent document to read with the patient: title, version and every section with its source.
import { useId } from 'react';
import { readerReference } from '../../../src/domain/consent/reader-reference.ts';
import type { ConsentDocument } from './treatment-types.ts';

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
          <small className="rule-source">Source: {readerReference(s.source)}</small>
        </section>
      ))}
    </article>
  );
}
