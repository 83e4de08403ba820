/**
 * Spreadsheets (Excel, LibreOffice, Google Sheets) evaluate a cell whose first non-blank character is = + - @
 * (Excel also takes the full-width forms) as a formula, and a leading tab or CR can hide one. Server text in an
 * export (a nickname, a role name) must never run when an admin opens the file: such a cell gets a leading
 * apostrophe, which spreadsheets show as plain text. Plain numbers (+8613800000000, -1.5) are data and stay.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@＝＋－＠]|^[\t\r]/u;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}
