import { neutraliseFormula } from './csvCell';
import { padEnd, stringWidth, truncate } from './width';

export interface Column<T> {
  header: string;
  /** cocli's TrimSize: longer values are cut to this many cells with "..." */
  trimSize: number;
  value: (row: T) => string;
  /** Left out of the default table (shown by wide and csv). */
  wideOnly?: boolean;
}

/** cocli pads every column, the last one included, to TrimSize + 5 cells. */
const TRIM_PADDING = 5;

/**
 * cocli's fixed-width table (`-o table` / `-o wide`): a header line then one line per row. `verbose` is cocli's `-v`:
 * every cell as `value + " "`, neither padded nor cut.
 */
export function renderTable<T>(columns: readonly Column<T>[], rows: readonly T[], verbose = false): string {
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => {
        if (verbose) return `${cell} `;
        const trim = columns[i].trimSize;
        const shown = stringWidth(cell) > trim ? truncate(cell, trim) : cell;
        return padEnd(shown, trim + TRIM_PADDING);
      })
      .join('') + '\n';
  return line(columns.map((c) => c.header)) + rows.map((r) => line(columns.map((c) => c.value(r)))).join('');
}

/** Go encoding/csv: quote only when needed, double the quotes, "\n" line ends; formulas neutralised. */
export function renderCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const line = (cells: string[]): string => cells.map((cell) => csvField(neutraliseFormula(cell))).join(',') + '\n';
  return line(columns.map((c) => c.header)) + rows.map((r) => line(columns.map((c) => c.value(r)))).join('');
}

function csvField(field: string): string {
  const needsQuotes = field !== '' && (field === '\\.' || /[",\r\n]/.test(field) || /^\s/u.test(field));
  return needsQuotes ? `"${field.replace(/"/g, '""')}"` : field;
}
