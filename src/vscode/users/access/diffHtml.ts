/**
 * HTML of the Compare Access webview: the two sides, the notes, the count of each kind of change, then one row per
 * change. Pure (no `vscode`), unit-tested in plain Node. Everything from the files or the server goes through
 * escapeHtml(); the page loads nothing external.
 */
import { CHANGE_KINDS, type AccessDiff, type ChangeKind } from '../../../core/access/compare';
import { escapeHtml, renderTablePage } from '../../shared/html';

export interface DiffHtmlLabels {
  /** BCP 47 tag for <html lang>. */
  language: string;
  title: string;
  /** "Before: … / After: …", already localised. */
  subtitle: string;
  summary: string;
  change: string;
  count: string;
  changes: string;
  user: string;
  nickname: string;
  project: string;
  before: string;
  after: string;
  noChanges: string;
  kind(kind: ChangeKind): string;
  copyMarkdown: string;
  copyCsv: string;
  save: string;
  /** Paragraphs above the tables (already localised). */
  notes: string[];
}

export interface DiffHtmlInput {
  diff: AccessDiff;
  labels: DiffHtmlLabels;
  nonce: string;
  cspSource: string;
}

export function renderDiffHtml({ diff, labels, nonce, cspSource }: DiffHtmlInput): string {
  const e = escapeHtml;
  const kinds = CHANGE_KINDS.filter((k) => diff.counts[k] > 0);
  const notes = `<div class="notes">${labels.notes.map((p) => `<p>${e(p)}</p>`).join('')}</div>`;
  const summary = kinds
    .map((k) => `<tr class="${k}"><td>${e(labels.kind(k))}</td><td class="count">${diff.counts[k]}</td></tr>`)
    .join('\n');
  const rows = diff.changes
    .map(
      (c) =>
        `<tr class="${c.kind}"><td>${e(labels.kind(c.kind))}</td><td><code>${e(c.user ?? '')}</code></td><td>${e(c.nickname ?? '')}</td>` +
        `<td>${e(c.project ?? '')}</td><td>${e(c.before ?? '')}</td><td>${e(c.after ?? '')}</td></tr>`,
    )
    .join('\n');
  const th = (text: string) => `<th scope="col">${e(text)}</th>`;
  const content =
    diff.changes.length === 0
      ? `${notes}\n<p class="none">${e(labels.noChanges)}</p>`
      : `${notes}
<h2>${e(labels.summary)}</h2>
<table class="summary">
<thead><tr>${th(labels.change)}${th(labels.count)}</tr></thead>
<tbody>
${summary}
</tbody>
</table>
<h2>${e(labels.changes)}</h2>
<table class="changes">
<thead><tr>${[labels.change, labels.user, labels.nickname, labels.project, labels.before, labels.after].map(th).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return renderTablePage({
    language: labels.language,
    title: labels.title,
    subtitle: labels.subtitle,
    copyMarkdown: labels.copyMarkdown,
    copyCsv: labels.copyCsv,
    save: labels.save,
    nonce,
    cspSource,
    style: `h1 { margin-bottom: 2px; }
h2 { font-size: 1.05em; font-weight: 600; margin: 16px 0 6px; }
th, td { text-align: left; }
td.count { text-align: right; }
tr.user-left td, tr.membership-lost td { color: var(--vscode-errorForeground); }
tr.user-joined td, tr.membership-gained td { color: var(--vscode-charts-green, var(--vscode-foreground)); }
.notes p, .none { color: var(--vscode-descriptionForeground); margin: 6px 0; }`,
    content,
  });
}
