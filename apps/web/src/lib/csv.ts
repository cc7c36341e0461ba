/** A cell value; null and undefined are written as empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /**
   * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula.
   * With this on, such text cells get a leading apostrophe so they stay text (CSV injection);
   * numbers are left alone.
   */
  neutralizeFormulas?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, per RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled. */
export function escapeCsvField(value: CsvValue, { neutralizeFormulas = false }: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (neutralizeFormulas && typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows to CSV text: comma-separated, CRLF after every row (RFC 4180). */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  return rows.map((row) => row.map((value) => escapeCsvField(value, options)).join(',') + '\r\n').join('');
}
