import { msg } from '../errors';
import { UNREADABLE_CELL } from '../format/accessFormat';
import { neutraliseFormula } from '../format/csvCell';
import { boundedText, EXPORT_LIMITS, invalidExport, shown, SnapshotBuilder } from './exportReader';
import type { AccessSnapshot, SnapshotProject } from './snapshot';

/** The leading columns of an access-matrix CSV; ACTIVE is missing from exports written before it existed. */
const LEADING = ['USER', 'NICKNAME', 'EMAIL', 'ACTIVE', 'ORGANIZATION ROLE'];

/**
 * An access-matrix CSV (renderCsv's output): USER, NICKNAME, EMAIL, [ACTIVE,] ORGANIZATION ROLE, then one column per
 * project slug. A column of `?` only is a project (or the org roles) that could not be read (with no row: read; a
 * readable column whose every cell is a role named "?" cannot be told from it). A cell written with renderCsv's formula
 * guard reads back without it (text that itself starts with "'" and a formula character loses the apostrophe). A CSV has no project ids
 * (projects are keyed by slug), no read time and no header block; the organization comes from a dated file name.
 */
export function readCsvExport(body: string, name: string, organization: string | undefined): AccessSnapshot {
  const rows = csvRows(body, name);
  const header = rows[0] ?? [];
  if (header.some((h) => /^(?:ID|RESOURCE NAME)$/.test(h)) && header.includes('ROLE'))
    throw invalidExport(msg('{0} looks like a users export, not an access-matrix export.', name));
  if (header.includes('CODE') && header.includes('LEVEL'))
    throw invalidExport(msg('{0} looks like a roles export, not an access-matrix export.', name));
  const hasActive = header[3] === 'ACTIVE';
  const leading = hasActive ? LEADING : LEADING.filter((c) => c !== 'ACTIVE');
  leading.forEach((column, i) => {
    if (header[i] !== column) throw invalidExport(msg('{0} is not an access-matrix CSV export: the column {1} is missing.', name, column));
  });
  const projectColumns = header.slice(leading.length);
  const body_ = rows.slice(1);
  const built = new SnapshotBuilder(name);
  const orgColumn = leading.length - 1;
  // An unreadable column is "?" in every row; a column with anything else was read ("?" there is a role of that name).
  const readable = (column: number): boolean => body_.length === 0 || body_.some((r) => r[column] !== UNREADABLE_CELL);
  const keys = projectColumns.map((column, i) => {
    if (!column)
      throw invalidExport(msg('{0} is not an access-matrix CSV export: the column {1} is missing.', name, `#${leading.length + i + 1}`));
    const project: SnapshotProject = {
      ...(column.startsWith('projects/') ? { id: column, slug: '' } : { slug: column }),
      membersRead: readable(leading.length + i),
    };
    return { key: built.addProject(project), read: project.membersRead };
  });
  const orgRolesRead = readable(orgColumn);
  body_.forEach((row, r) => {
    const line = r + 2;
    if (row.length !== header.length)
      throw invalidExport(msg('{0}: row {1} has {2} cells; the header has {3}.', name, line, row.length, header.length));
    const [userName, nickname, email] = row;
    if (!userName) throw invalidExport(msg('{0}: row {1} has no user.', name, line));
    let active: boolean | undefined;
    if (hasActive) {
      if (row[3] !== 'true' && row[3] !== 'false')
        throw invalidExport(msg('{0}: row {1}: ACTIVE is "{2}", not true or false.', name, line, shown(row[3])));
      active = row[3] === 'true';
    }
    const orgRole = row[orgColumn];
    built.addUser({
      name: userName,
      ...(nickname ? { nickname } : {}),
      email,
      ...(active !== undefined ? { active } : {}),
      ...(orgRolesRead && orgRole ? { orgRole } : {}),
    });
    keys.forEach(({ key, read }, i) => {
      const role = row[leading.length + i];
      if (read && role) built.addMembership(userName, key, role);
    });
  });
  return built.snapshot({ ...(organization ? { organization } : {}), orgRolesRead });
}

/**
 * RFC 4180 rows (quoted cells, doubled quotes, LF or CRLF), each cell with renderCsv's formula guard taken off.
 * Bounded while reading: rows, cells per row, characters per cell, rows × columns.
 */
function csvRows(text: string, name: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cells = 0;
  const maxCells = EXPORT_LIMITS.memberships * 4;
  const maxColumns = EXPORT_LIMITS.projects + LEADING.length;
  const push = (cell: string) => {
    if (row.length >= maxColumns) throw invalidExport(msg('{0} has more than {1} columns.', name, maxColumns.toLocaleString('en-US')));
    if (++cells > maxCells) throw invalidExport(msg('{0} has more than {1} cells.', name, maxCells.toLocaleString('en-US')));
    row.push(unguard(boundedText(name, cell, `row ${rows.length + 1}`)));
  };
  const endRow = () => {
    if (!(row.length === 1 && row[0] === '')) rows.push(row); // blank lines are skipped
    if (rows.length > EXPORT_LIMITS.users + 1)
      throw invalidExport(msg('{0} lists more than {1} users.', name, EXPORT_LIMITS.users.toLocaleString('en-US')));
    row = [];
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    // Fast path: a whole line without quotes or a lone CR is its cells split at commas (split stops past the bound).
    if (row.length === 0) {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? n : nl;
      const line = text.slice(i, text.charCodeAt(end - 1) === 13 && end > i ? end - 1 : end);
      if (!line.includes('"') && !line.includes('\r')) {
        for (const cell of line.split(',', maxColumns + 1)) push(cell);
        i = end + 1;
        endRow();
        continue;
      }
    }
    if (text.charCodeAt(i) === 34 /* " */) {
      let cell = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) throw invalidExport(msg('{0} is not valid CSV: a quoted cell is not closed.', name));
        cell += text.slice(from, q);
        if (cell.length > EXPORT_LIMITS.valueChars) boundedText(name, cell, `row ${rows.length + 1}`);
        if (text.charCodeAt(q + 1) === 34) {
          cell += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      push(cell);
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === 44 /* , */ || c === 10 /* \n */ || c === 13 /* \r */) break;
        end++;
      }
      push(text.slice(i, end));
      i = end;
    }
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      if (i === n) push('');
    } else if (c === 13 || c === 10) {
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      endRow();
    } else if (i < n) throw invalidExport(msg('{0} is not valid CSV: text follows a quoted cell in row {1}.', name, rows.length + 1));
  }
  if (row.length) endRow();
  return rows;
}

/** renderCsv puts an apostrophe before a cell a spreadsheet would run as a formula; a cell it guarded reads back as written. */
function unguard(cell: string): string {
  if (!cell.startsWith("'")) return cell;
  const inner = cell.slice(1);
  return neutraliseFormula(inner) === cell ? inner : cell;
}
