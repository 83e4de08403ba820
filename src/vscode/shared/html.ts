/** Webview HTML helpers shared by the features' panels (vscode-free, unit-tested in plain Node). */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function contentSecurityPolicy(nonce: string, cspSource: string): string {
  return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
}

/** Theme-following styles of a table page with a toolbar of buttons (both panels start from these). */
const BASE_TABLE_STYLE = `body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 16px; }
h1 { font-size: 1.2em; font-weight: 600; }
.subtitle { color: var(--vscode-descriptionForeground); margin: 0 0 8px; }
.toolbar { margin: 8px 0 12px; display: flex; gap: 8px; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 4px 12px; cursor: pointer; font: inherit; }
button:hover { background: var(--vscode-button-hoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border)); padding: 4px 8px; }
thead th { background: var(--vscode-editorWidget-background); font-weight: 600; }
tbody tr:hover { background: var(--vscode-list-hoverBackground); }`;

/**
 * The page script: Copy as Markdown / CSV (`data-format`) posts {type: 'copy', format}; the Save… button
 * (`data-action="save"`) posts {type: 'save'}; other `data-action` buttons post {type: 'action', action};
 * `a[data-project]` links post {type: 'project', project}.
 */
const COPY_BUTTONS_SCRIPT = `const vscode = acquireVsCodeApi();
for (const button of document.querySelectorAll('button[data-format]')) {
  button.addEventListener('click', () => vscode.postMessage({ type: 'copy', format: button.dataset.format }));
}
for (const button of document.querySelectorAll('button[data-action="save"]')) {
  button.addEventListener('click', () => vscode.postMessage({ type: 'save' }));
}
for (const button of document.querySelectorAll('button[data-action]:not([data-action="save"])')) {
  button.addEventListener('click', () => vscode.postMessage({ type: 'action', action: button.dataset.action }));
}
for (const link of document.querySelectorAll('a[data-project]')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'project', project: link.dataset.project });
  });
}`;

/** A table page: title, optional subtitle, Copy as Markdown / CSV buttons, then `content` (already escaped HTML). */
export interface TablePageInput {
  /** BCP 47 tag for <html lang>. */
  language: string;
  title: string;
  subtitle?: string;
  copyMarkdown: string;
  copyCsv: string;
  /** The Save… button's label (no button when left out). */
  save?: string;
  /** Fresh per render: allows exactly our inline <style> and <script>. */
  nonce: string;
  /** webview.cspSource */
  cspSource: string;
  /** More toolbar buttons after the Copy ones: each posts {type: 'action', action}. */
  actions?: { action: string; label: string }[];
  /** The page's own CSS, after the shared table style. */
  style: string;
  content: string;
}

export function renderTablePage(page: TablePageInput): string {
  const e = escapeHtml;
  const n = e(page.nonce);
  const subtitle = page.subtitle === undefined ? '' : `\n<p class="subtitle">${e(page.subtitle)}</p>`;
  const save = page.save === undefined ? '' : `\n<button type="button" data-action="save">${e(page.save)}</button>`;
  return `<!DOCTYPE html>
<html lang="${e(page.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy(page.nonce, page.cspSource))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${e(page.title)}</title>
<style nonce="${n}">
${BASE_TABLE_STYLE}
${page.style}
</style>
</head>
<body>
<h1>${e(page.title)}</h1>${subtitle}
<div class="toolbar">
<button type="button" data-format="markdown">${e(page.copyMarkdown)}</button>
<button type="button" data-format="csv">${e(page.copyCsv)}</button>${save}${(page.actions ?? []).map((a) => `\n<button type="button" data-action="${e(a.action)}">${e(a.label)}</button>`).join('')}
</div>
${page.content}
<script nonce="${n}">
${COPY_BUTTONS_SCRIPT}
</script>
</body>
</html>
`;
}
