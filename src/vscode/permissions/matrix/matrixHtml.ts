/**
 * HTML of the permission matrix webview. Pure (no `vscode`), so it is unit-tested in plain Node.
 * Everything that comes from the server goes through escapeHtml(); the page loads nothing external.
 */
import type { MatrixColumn, MatrixRow, PermissionMatrix } from '../../../core/huawei/matrix';
import { escapeHtml, renderTablePage } from '../../shared/html';

export type ColumnGroup = MatrixColumn['group'];

/** Localised texts, computed by the adapter (vscode.l10n + the core's labels). */
export interface MatrixHtmlLabels {
  /** BCP 47 tag for <html lang>. */
  language: string;
  title: string;
  role: string;
  copyMarkdown: string;
  copyCsv: string;
  save: string;
  empty: string;
  groups: Record<ColumnGroup, string>;
  column(column: MatrixColumn): string;
  /** Tooltip of a column header (keyword, or "unknown operation"). */
  columnTitle(column: MatrixColumn): string;
  row(row: MatrixRow): string;
  /** Tooltip of a role cell: the objects the role is granted on. */
  rowTitle(row: MatrixRow): string;
  /** Accessible name of a ✓. */
  granted(row: MatrixRow, column: MatrixColumn): string;
  /** Tooltip of a ✓: the objects that grant it. */
  grantedTitle(row: MatrixRow, column: MatrixColumn): string;
}

export interface MatrixHtmlInput {
  matrix: PermissionMatrix;
  labels: MatrixHtmlLabels;
  /** Fresh per render: allows exactly our inline <style> and <script>. */
  nonce: string;
  /** webview.cspSource */
  cspSource: string;
}

/** Consecutive columns of the same group, for the group header row. */
export function columnGroups(columns: readonly MatrixColumn[]): { group: ColumnGroup; span: number }[] {
  const groups: { group: ColumnGroup; span: number }[] = [];
  for (const c of columns) {
    const last = groups[groups.length - 1];
    if (last?.group === c.group) last.span++;
    else groups.push({ group: c.group, span: 1 });
  }
  return groups;
}

export function renderMatrixHtml({ matrix, labels, nonce, cspSource }: MatrixHtmlInput): string {
  const e = escapeHtml;
  const groupRow = columnGroups(matrix.columns)
    .map((g) => `<th scope="colgroup" colspan="${g.span}" class="group group-${e(g.group)}">${e(labels.groups[g.group])}</th>`)
    .join('');
  const columnRow = matrix.columns
    .map(
      (c) =>
        `<th scope="col" class="op${c.known ? '' : ' unknown'}" title="${e(labels.columnTitle(c))}" data-keyword="${e(c.keyword)}">${e(labels.column(c))}</th>`,
    )
    .join('');
  const bodyRows = matrix.rows
    .map((row) => {
      const cells = matrix.columns
        .map((c, i) =>
          row.cells[i]
            ? `<td class="mark" title="${e(labels.grantedTitle(row, c))}"><span role="img" aria-label="${e(labels.granted(row, c))}">✓</span></td>`
            : '<td></td>',
        )
        .join('');
      return `<tr><th scope="row" class="role" title="${e(labels.rowTitle(row))}">${e(labels.row(row))}</th>${cells}</tr>`;
    })
    .join('\n');
  const table =
    matrix.rows.length === 0
      ? `<p class="empty">${e(labels.empty)}</p>`
      : `<table>
<thead>
<tr><td class="corner"></td>${groupRow}</tr>
<tr><th scope="col" class="role-header">${e(labels.role)}</th>${columnRow}</tr>
</thead>
<tbody>
${bodyRows}
</tbody>
</table>`;

  return renderTablePage({
    language: labels.language,
    title: labels.title,
    copyMarkdown: labels.copyMarkdown,
    copyCsv: labels.copyCsv,
    save: labels.save,
    nonce,
    cspSource,
    style: `th.group { text-align: center; }
th.op { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; vertical-align: bottom; }
th.op.unknown { font-style: italic; color: var(--vscode-descriptionForeground); }
th.role { text-align: left; font-weight: normal; white-space: nowrap; }
td.mark { text-align: center; color: var(--vscode-charts-green, var(--vscode-foreground)); }
td.corner { border: none; }
.empty { color: var(--vscode-descriptionForeground); }`,
    content: table,
  });
}
