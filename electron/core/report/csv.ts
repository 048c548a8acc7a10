/**
 * A small RFC 4180 writer (no CSV library is installed): CRLF line ends, fields quoted when they
 * hold a comma, quote, CR or LF, quotes doubled, and also a `;` or a tab: Excel in locales whose
 * list separator is `;` (German, French, …) and tab-separated pastes split there. Cells that a spreadsheet would run as a formula
 * are defused: node names and tags come from the client's AWS accounts, and a name such as
 * `=HYPERLINK(...)` must open in Excel as text (OWASP "CSV injection"). For the same reason a
 * bidi control or zero-width character in a client's text is written as ⟨U+XXXX⟩ (visibleText):
 * a spreadsheet would show it as the report must not, reordered or hidden.
 */
import { visibleText } from '../../../shared/userText';

/** Excel's byte order mark: without it Excel reads UTF-8 as the ANSI code page and garbles Japanese. */
export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * A tab or CR first, or a formula sign after any leading white space: Excel trims spaces before
 * `=`, and Japanese Excel reads the full-width signs `＝＋－＠` (IME input) as formulas too.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/** Prefixes a leading `'` to text Excel, LibreOffice or Sheets would read as a formula. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: numbers are written as numbers (a negative number is data, not a formula). */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? defuseFormula(visibleText(value)) : String(value);
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A whole document: BOM, header row, data rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const out = [UTF8_BOM, csvRow(header)];
  for (const row of rows) out.push(csvRow(row));
  return out.join('');
}
