// The numbers behind a chart as a plain table: a caption, column headings, and one labelled row per bar, month or step.

/** One row: its label (the row header) and a cell per remaining column. */
export interface NumberRow {
  label: string;
  cells: (string | number)[];
}

/** A chart's numbers, read out as a real <table> under "Show the numbers". */
export interface NumberTable {
  caption: string;
  /** Every column heading, the row-label column first. */
  columns: string[];
  rows: NumberRow[];
}
