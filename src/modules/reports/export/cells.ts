/** A spreadsheet cell value after flattening. */
export type Cell = string | number | boolean | null;

/** First characters that make Excel, LibreOffice or Sheets read a text cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers. */
export function escapeFormula(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV line (RFC 4180: quoted when needed, CRLF-terminated), cells escaped against formulas. */
export function csvLine(cells: readonly Cell[]): string {
  return (
    cells
      .map((raw) => {
        const v = escapeFormula(raw);
        if (v === null) return '';
        const s = String(v);
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(',') + '\r\n'
  );
}

/** UTF-8 byte order mark: Excel opens a CSV as UTF-8 (Chinese intact) only when it is there. */
export const UTF8_BOM = '\uFEFF';
