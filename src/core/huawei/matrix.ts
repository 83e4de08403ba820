/** Role × operation matrix of one repository's privileges, and its Markdown / CSV exports. */
import { grantedObjectLabel, OPERATION_GROUPS, OperationGroupId, operationLabel, parseGrantedObjectPath, parseOperations, roleLabel, UiLanguage } from './labels';
import type { RepositoryPrivileges } from './model';
import { neutraliseFormula } from '../format/csvCell';

export interface MatrixColumn {
  keyword: string;
  /** 'other' for keywords outside the documented enum. */
  group: OperationGroupId | 'other';
  known: boolean;
}

export interface MatrixRow {
  roleKey: string;
  roleId?: string;
  roleLabelEn: string;
  roleLabelZh: string;
  granted: ReadonlySet<string>;
  /** One entry per column: granted or not. */
  cells: boolean[];
  /** Distinct granted_object_path values, in server order. */
  objects: string[];
  /** keyword → the object paths that grant it. */
  grantedOn: ReadonlyMap<string, readonly string[]>;
}

export interface PermissionMatrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

/** Columns: every known operation in group order, then unknown keywords in the order first seen. Rows: roles in server order. */
export function buildPermissionMatrix(privs: RepositoryPrivileges): PermissionMatrix {
  const columns: MatrixColumn[] = OPERATION_GROUPS.flatMap((g) => g.keywords.map((keyword) => ({ keyword, group: g.id, known: true })));
  const columnIndex = new Map(columns.map((c, i) => [c.keyword, i]));

  const partialRows = privs.roles.map((role) => {
    const grantedOn = new Map<string, string[]>();
    const objects: string[] = [];
    for (const p of role.privileges) {
      if (p.granted_object_path && !objects.includes(p.granted_object_path)) objects.push(p.granted_object_path);
      for (const op of parseOperations(p.operations)) {
        if (!columnIndex.has(op.keyword)) {
          columnIndex.set(op.keyword, columns.length);
          columns.push({ keyword: op.keyword, group: 'other', known: false });
        }
        const paths = grantedOn.get(op.keyword) ?? [];
        if (!paths.includes(p.granted_object_path)) paths.push(p.granted_object_path);
        grantedOn.set(op.keyword, paths);
      }
    }
    return { role, grantedOn, objects };
  });

  const rows = partialRows.map(({ role, grantedOn, objects }): MatrixRow => ({
    roleKey: role.key,
    roleId: role.roleId,
    roleLabelEn: roleLabel(role, 'en'),
    roleLabelZh: roleLabel(role, 'zh'),
    granted: new Set(grantedOn.keys()),
    cells: columns.map((c) => grantedOn.has(c.keyword)),
    objects,
    grantedOn,
  }));
  return { columns, rows };
}

const HEADINGS = {
  en: { role: 'Role', objects: 'Granted on' },
  zh: { role: '角色', objects: '授权对象' },
};

function tableRows(matrix: PermissionMatrix, lang: UiLanguage, mark: string): string[][] {
  const header = [HEADINGS[lang].role, ...matrix.columns.map((c) => operationLabel(c.keyword, lang)), HEADINGS[lang].objects];
  const body = matrix.rows.map((row) => [
    lang === 'zh' ? row.roleLabelZh : row.roleLabelEn,
    ...row.cells.map((on) => (on ? mark : '')),
    row.objects.map((path) => grantedObjectLabel(parseGrantedObjectPath(path), lang)).join('; '),
  ]);
  return [header, ...body];
}

export function matrixToMarkdown(matrix: PermissionMatrix, lang: UiLanguage): string {
  const escape = (cell: string): string => cell.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
  const [header, ...body] = tableRows(matrix, lang, '✓');
  const line = (cells: string[]): string => `| ${cells.map(escape).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...body.map(line)].join('\n') + '\n';
}

/** RFC 4180: CRLF line ends; fields with comma, quote or line break are quoted, quotes doubled. */
export function matrixToCsv(matrix: PermissionMatrix, lang: UiLanguage): string {
  return tableRows(matrix, lang, '✓')
    .map((cells) => cells.map(csvField).join(','))
    .join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
