/**
 * HTML of the Show Access webview: one user's organization role and project roles. Pure (no `vscode`), unit-tested
 * in plain Node. Everything from the server goes through escapeHtml(); the page loads nothing external.
 */
import type { UserAccess } from '../../../core/access/matrix';
import { userAccessRows } from '../../../core/format/access';
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
  save: string;
  /** Paragraphs under the table (already localised). */
  notes: string[];
}

export interface AccessHtmlInput {
  access: UserAccess;
  labels: AccessHtmlLabels;
  nonce: string;
  cspSource: string;
}

export function renderAccessHtml({ access, labels, nonce, cspSource }: AccessHtmlInput): string {
  const e = escapeHtml;
  const rows = userAccessRows(access)
    .map((r) => {
      const role = r.role === '?' ? `<span class="unknown" title="${e(labels.unreadable)}">?</span>` : `<code>${e(r.role)}</code>`;
      const scope = r.scope === 'organization' ? labels.organization : labels.projectScope;
      return `<tr class="${r.scope}"><td>${e(scope)}</td><td>${e(r.displayName)}</td><td>${e(r.slug)}</td><td>${role}</td></tr>`;
    })
    .join('\n');
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
.subtitle { color: var(--vscode-descriptionForeground); margin: 0 0 8px; }
th, td { text-align: left; }
tr.organization td { font-weight: 600; }
.unknown { color: var(--vscode-descriptionForeground); }
.notes p { color: var(--vscode-descriptionForeground); margin: 6px 0; }`,
    content: `<table>
<thead><tr><th scope="col">${e(labels.scope)}</th><th scope="col">${e(labels.project)}</th><th scope="col">${e(labels.slug)}</th><th scope="col">${e(labels.role)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<div class="notes">${labels.notes.map((p) => `<p>${e(p)}</p>`).join('')}</div>`,
  });
}
