import * as vscode from 'vscode';
import { withAbortSignal } from '../shared/commands';
import { extensionFor, isOutputFormat, OUTPUT_FORMATS, OutputFormat } from '../../core/format/output';

export type ExportTarget = 'editor' | { file: string };

export interface ExportResult {
  count: number;
  format: OutputFormat;
  uri: vscode.Uri;
}

export async function pickFormat(given: unknown): Promise<OutputFormat | undefined> {
  if (isOutputFormat(given)) return given;
  const labels: Record<OutputFormat, string> = {
    table: vscode.l10n.t('Table (cocli default columns)'),
    wide: vscode.l10n.t('Wide table (all columns)'),
    json: 'JSON',
    yaml: 'YAML',
    csv: 'CSV',
  };
  const pick = await vscode.window.showQuickPick(OUTPUT_FORMATS.map((f) => ({ label: labels[f], description: f, format: f })), {
    title: vscode.l10n.t('Export Format'),
  });
  return pick?.format;
}

export async function pickTarget(given: unknown, defaultName: string, format: OutputFormat): Promise<ExportTarget | undefined> {
  if (given === 'editor') return 'editor';
  if (given && typeof given === 'object' && typeof (given as { file?: unknown }).file === 'string') return given as { file: string };
  const editor = { label: vscode.l10n.t('Open in a New Editor'), target: 'editor' as const };
  const file = { label: vscode.l10n.t('Save to File…'), target: 'file' as const };
  const pick = await vscode.window.showQuickPick([editor, file], { title: vscode.l10n.t('Export To') });
  if (!pick) return undefined;
  if (pick.target === 'editor') return 'editor';
  const ext = extensionFor(format);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${defaultName}.${ext}`) : undefined,
    filters: { [ext.toUpperCase()]: [ext] },
  });
  return uri ? { file: uri.fsPath } : undefined;
}

const LANGUAGES: Record<OutputFormat, string> = { table: 'plaintext', wide: 'plaintext', json: 'json', yaml: 'yaml', csv: 'csv' };

/** Writes the text where the user asked; returns the document or file URI. */
export async function writeExport(text: string, format: OutputFormat, target: ExportTarget): Promise<vscode.Uri> {
  if (target === 'editor') {
    const doc = await vscode.workspace.openTextDocument({ content: text, language: LANGUAGES[format] });
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc.uri;
  }
  const uri = vscode.Uri.file(target.file);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Runs `work` under a cancellable notification; cancelling aborts the requests. */
export function withCancellableProgress<T>(title: string, work: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) =>
    withAbortSignal(token, (signal) => work(signal, (message) => progress.report({ message }))),
  );
}
