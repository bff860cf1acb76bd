// DataTable: a table whose columns are data (header, cell, class), with an optional caption and empty text.
import { Fragment, type ReactNode } from 'react';

export interface Column<R> {
  header: ReactNode;
  /** The cell of a row (unused when the table renders its own rows with `row`). */
  cell?: (row: R) => ReactNode;
  /** Class of the column's cells (e.g. "nowrap", "num"). */
  className?: string;
  /** The cell names its row: rendered as <th scope="row">. */
  rowHeader?: boolean;
}

interface DataTableProps<R> {
  /** The columns in order; `false` or `null` leaves a column out (e.g. actions for readers). */
  columns: readonly (Column<R> | false | null)[];
  rows: readonly R[];
  rowKey: (row: R, index: number) => string | number;
  caption?: ReactNode;
  /** Keep the caption for screen readers only. */
  captionHidden?: boolean;
  /** Shown in place of the table when there are no rows; without it an empty table is rendered. */
  empty?: ReactNode;
  /** Classes of the <table>; "data-table" unless given. */
  className?: string;
  rowClassName?: (row: R) => string | undefined;
  /** Wrap in a horizontally scrolling box (default true). */
  wrap?: boolean;
  /** A whole <tr> per item, for rows with their own state (the columns then give only the headers). */
  row?: (row: R) => ReactNode;
}

/** One <table>: a header row from the columns' headers, then a row per item. */
export function DataTable<R>({
  columns,
  rows,
  rowKey,
  caption,
  captionHidden = false,
  empty,
  className = 'data-table',
  rowClassName,
  wrap = true,
  row,
}: DataTableProps<R>) {
  if (rows.length === 0 && empty !== undefined)
    return typeof empty === 'string' ? <p className="muted">{empty}</p> : empty;
  const shown = columns.filter((c): c is Column<R> => Boolean(c));
  const table = (
    <table className={className}>
      {caption ? (
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      ) : null}
      <thead>
        <tr>
          {shown.map((c, i) => (
            <th key={i} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((item, index) =>
          row ? (
            <Fragment key={rowKey(item, index)}>{row(item)}</Fragment>
          ) : (
            <tr key={rowKey(item, index)} className={rowClassName?.(item)}>
              {shown.map((c, i) =>
                c.rowHeader ? (
                  <th key={i} scope="row" className={c.className}>
                    {c.cell?.(item)}
                  </th>
                ) : (
                  <td key={i} className={c.className}>
                    {c.cell?.(item)}
                  </td>
                ),
              )}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
  return wrap ? <div className="table-wrap">{table}</div> : table;
}
