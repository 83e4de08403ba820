/** Role × operation matrix of one repository's privileges, and its Markdown / CSV exports. */
import {
  FOLDED_OPERATIONS,
  grantedObjectLabel,
  OPERATION_GROUPS,
  OperationGroupId,
  operationLabel,
  parseGrantedObjectPath,
  parseOperations,
  roleLabel,
  UiLanguage,
} from './labels';
import type { RepositoryPrivileges } from './model';
import { neutraliseFormula } from '../format/csvCell';
import { markdownText } from '../format/markdownText';

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

/**
 * A server can name any number of operations; the matrix shows at most `maxColumns` (the documented ones plus unknown
 * ones as first seen), and folds every further unknown operation into one last "Other operations" column, so its
 * size is roles × 64 at most. 64 is four times the documented operations: room for new ones, and a readable table.
 */
export const MATRIX_BOUNDS = { maxColumns: 64 } as const;

export interface PermissionMatrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

/**
 * Columns: every known operation in group order, then unknown keywords in the order first seen, up to
 * MATRIX_BOUNDS.maxColumns with the rest folded into one last column (keyword FOLDED_OPERATIONS). Rows: roles in server order.
 */
export function buildPermissionMatrix(privs: RepositoryPrivileges): PermissionMatrix {
  const columns: MatrixColumn[] = OPERATION_GROUPS.flatMap((g) => g.keywords.map((keyword) => ({ keyword, group: g.id, known: true })));
  const columnIndex = new Map(columns.map((c, i) => [c.keyword, i]));
  const unknownRoom = MATRIX_BOUNDS.maxColumns - columns.length - 1;
  let unknownColumns = 0;
  let folds = false;

  const partialRows = privs.roles.map((role) => {
    const grantedOn = new Map<string, Set<string>>();
    const objects = new Set<string>();
    const grant = (keyword: string, path: string): void => {
      const paths = grantedOn.get(keyword) ?? new Set<string>();
      paths.add(path);
      grantedOn.set(keyword, paths);
    };
    for (const p of role.privileges) {
      if (p.granted_object_path) objects.add(p.granted_object_path);
      for (const op of parseOperations(p.operations)) {
        if (!columnIndex.has(op.keyword) && unknownColumns < unknownRoom) {
          columnIndex.set(op.keyword, columns.length);
          columns.push({ keyword: op.keyword, group: 'other', known: false });
          unknownColumns++;
        }
        grant(op.keyword, p.granted_object_path);
        if (!columnIndex.has(op.keyword)) {
          folds = true;
          grant(FOLDED_OPERATIONS, p.granted_object_path);
        }
      }
    }
    return { role, grantedOn, objects };
  });
  if (folds) columns.push({ keyword: FOLDED_OPERATIONS, group: 'other', known: false });

  const rows = partialRows.map(({ role, grantedOn, objects }): MatrixRow => ({
    roleKey: role.key,
    roleId: role.roleId,
    roleLabelEn: roleLabel(role, 'en'),
    roleLabelZh: roleLabel(role, 'zh'),
    granted: new Set([...grantedOn.keys()].filter((k) => k !== FOLDED_OPERATIONS)),
    cells: columns.map((c) => grantedOn.has(c.keyword)),
    objects: [...objects],
    grantedOn: new Map([...grantedOn].map(([keyword, paths]) => [keyword, [...paths]])),
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
  const [header, ...body] = tableRows(matrix, lang, '✓');
  // Role names, unknown operation keywords and object paths come from the server: no markup or HTML may pass.
  const line = (cells: string[]): string => `| ${cells.map(markdownText).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...body.map(line)].join('\n') + '\n';
}

/** RFC 4180: CRLF line ends; fields with comma, quote or line break are quoted, quotes doubled. */
export function matrixToCsv(matrix: PermissionMatrix, lang: UiLanguage): string {
  return (
    tableRows(matrix, lang, '✓')
      .map((cells) => cells.map(csvField).join(','))
      .join('\r\n') + '\r\n'
  );
}

function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
