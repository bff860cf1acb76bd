// RefusalNote: a refusal said in the form's own words (a title and what to do), in place of the problem summary.

/** role="alert", styled as the problem summary. */
export function RefusalNote({ title, advice }: { title: string; advice: string }) {
  return (
    <div role="alert" className="form-problem">
      <p className="form-problem-title">{title}</p>
      <p>{advice}</p>
    </div>
  );
}
