/**
 * HTML of the Show Access webview: one user's organization role and project roles. Pure (no `vscode`), unit-tested
 * in plain Node. Everything from the server goes through escapeHtml(); the page loads nothing external.
 */
import type { UserAccess } from '../../../core/access/matrix';
import { userAccessRows } from '../../../core/format/access';
import { accessPairRows } from '../../../core/format/accessPair';
import { escapeHtml, renderTablePage } from '../../shared/html';

export interface AccessHtmlLabels {
  /** BCP 47 tag for <html lang>. */
  language: string;
  title: string;
  subtitle: string;
  scope: string;
  project: string;
  slug: string;
  role: string;
  organization: string;
  projectScope: string;
  /** Accessible text of a "?" cell. */
  unreadable: string;
  copyMarkdown: string;
  copyCsv: string;
  /** The "Compare with Another User…" button. */
  compare: string;
  /** Title of a project link (reveals the project in Project Users). */
  revealProject: string;
  save: string;
  /** Paragraphs under the table (already localised). */
  notes: string[];
}

export interface AccessHtmlInput {
  access: UserAccess;
  /** Compared with: a second role column. */
  other?: UserAccess;
  labels: AccessHtmlLabels;
  nonce: string;
  cspSource: string;
}

export function renderAccessHtml({ access, other, labels, nonce, cspSource }: AccessHtmlInput): string {
  const e = escapeHtml;
  const roleCell = (role: string) =>
    role === '?' ? `<span class="unknown" title="${e(labels.unreadable)}">?</span>` : role ? `<code>${e(role)}</code>` : '';
  // A project's name reveals it in Project Users (the extension checks the slug against what the panel shows).
  const projectCell = (r: { scope: string; displayName: string; slug: string }) =>
    r.scope === 'organization' || !r.slug
      ? e(r.displayName)
      : `<a href="#" data-project="${e(r.slug)}" title="${e(labels.revealProject)}">${e(r.displayName || r.slug)}</a>`;
  const scopeCell = (scope: string) => e(scope === 'organization' ? labels.organization : labels.projectScope);
  const who = (a: UserAccess) => a.user.nickname || a.user.name;
  const head = other
    ? [labels.scope, labels.project, labels.slug, who(access), who(other)]
    : [labels.scope, labels.project, labels.slug, labels.role];
  const rows = other
    ? accessPairRows(access, other).map(
        (r) =>
          `<tr class="${r.scope}${r.left === r.right ? '' : ' differs'}"><td>${scopeCell(r.scope)}</td><td>${projectCell(r)}</td><td>${e(r.slug)}</td><td>${roleCell(r.left)}</td><td>${roleCell(r.right)}</td></tr>`,
      )
    : userAccessRows(access).map(
        (r) =>
          `<tr class="${r.scope}"><td>${scopeCell(r.scope)}</td><td>${projectCell(r)}</td><td>${e(r.slug)}</td><td>${roleCell(r.role)}</td></tr>`,
      );
  return renderTablePage({
    language: labels.language,
    title: labels.title,
    subtitle: labels.subtitle,
    copyMarkdown: labels.copyMarkdown,
    copyCsv: labels.copyCsv,
    actions: [{ action: 'compare', label: labels.compare }],
    save: labels.save,
    nonce,
    cspSource,
    style: `h1 { margin-bottom: 2px; }
th, td { text-align: left; }
tr.organization td { font-weight: 600; }
tr.differs td { background: var(--vscode-diffEditor-insertedLineBackground, transparent); }
a { color: var(--vscode-textLink-foreground); }
.unknown { color: var(--vscode-descriptionForeground); }
.notes p { color: var(--vscode-descriptionForeground); margin: 6px 0; }`,
    content: `<table>
<thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<div class="notes">${labels.notes.map((p) => `<p>${e(p)}</p>`).join('')}</div>`,
  });
}
