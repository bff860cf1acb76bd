// RowsSection: a patient-form section of numbered rows ("Allergy 1", "Medication 2"), each removable, and "Add …".
import type { ReactNode } from 'react';
import { RowList, type RowTools } from '../../ui/RowList.tsx';

interface RowsSectionProps<R extends { key: number }> {
  legend: string;
  /** What one row is, in lower case: "allergy" names "Allergy 1", "Remove allergy 1" and "Add allergy". */
  item: string;
  rows: readonly R[];
  onRows: (rows: R[]) => void;
  blank: () => R;
  empty: string;
  /** The row's fields. */
  children: (row: R, tools: RowTools<R>) => ReactNode;
}

/** The section's fieldset; every row a fieldset of its own, named by its number. */
export function RowsSection<R extends { key: number }>({
  legend,
  item,
  rows,
  onRows,
  blank,
  empty,
  children,
}: RowsSectionProps<R>) {
  const title = item.charAt(0).toUpperCase() + item.slice(1);
  return (
    <RowList
      legend={legend}
      className="form-section"
      rows={rows}
      onRows={onRows}
      blank={blank}
      addLabel={`Add ${item}`}
      addClassName="button-secondary"
      empty={empty}
    >
      {(row, tools) => (
        <fieldset className="row-group" key={row.key}>
          <legend>
            {title} {tools.index + 1}
          </legend>
          {children(row, tools)}
          <button type="button" className="button-link" onClick={tools.remove}>
            Remove {item} {tools.index + 1}
          </button>
        </fieldset>
      )}
    </RowList>
  );
}
