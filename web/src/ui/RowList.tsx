// RowList: a fieldset of rows the person adds and removes in place (allergies, medications, goals, materials).
import { useState, type ReactNode } from 'react';

/** What a row's markup is given: its number, how to change or remove it, and whether it was just added. */
export interface RowTools<R> {
  index: number;
  update: (change: Partial<R>) => void;
  remove: () => void;
  /** True for the row added last by "Add …": focus its first field. */
  added: boolean;
}

interface RowListProps<R extends { key: number }> {
  legend: string;
  rows: readonly R[];
  onRows: (rows: R[]) => void;
  /** A fresh blank row, with a key no other row has. */
  blank: () => R;
  /** The add button's text, e.g. "Add allergy". */
  addLabel: string;
  /** The hint shown while there are no rows. */
  empty: ReactNode;
  /** A message about the list as a whole. */
  error?: string | undefined;
  className?: string;
  addClassName?: string;
  children: (row: R, tools: RowTools<R>) => ReactNode;
}

/** The legend, any error, the rows (or the empty hint) and the add button. */
export function RowList<R extends { key: number }>({
  legend,
  rows,
  onRows,
  blank,
  addLabel,
  empty,
  error,
  className = 'row-group',
  addClassName = 'button-small button-secondary',
  children,
}: RowListProps<R>) {
  const [addedKey, setAddedKey] = useState<number | null>(null);
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {error ? <p className="field-error">{error}</p> : null}
      {rows.length === 0 ? <p className="hint">{empty}</p> : null}
      {rows.map((row, index) =>
        children(row, {
          index,
          update: (change) => onRows(rows.map((r) => (r.key === row.key ? { ...r, ...change } : r))),
          remove: () => onRows(rows.filter((r) => r.key !== row.key)),
          added: addedKey === row.key,
        }),
      )}
      <button
        type="button"
        className={addClassName}
        onClick={() => {
          const row = blank();
          setAddedKey(row.key);
          onRows([...rows, row]);
        }}
      >
        {addLabel}
      </button>
    </fieldset>
  );
}
