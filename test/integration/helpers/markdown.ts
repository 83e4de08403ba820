import type * as vscode from 'vscode';

/** What a reader sees of a tooltip: the Markdown source without its backslash escapes (`\_` shows as `_`). */
export function shownText(tooltip: vscode.MarkdownString | string | undefined): string {
  const source = typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
  return source.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
