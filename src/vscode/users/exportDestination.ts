import * as vscode from 'vscode';
import { extensionFor, OUTPUT_FORMATS, OutputFormat } from '../../core/format/output';
import { withAbortSignal } from '../shared/commands';
import { defaultSaveUri } from '../shared/tablePanel';
import type { Ui } from '../shared/ui';

/** A file chosen in the save dialog keeps its URI (its scheme: a virtual workspace's file is not a local path). */
export type ExportTarget = 'editor' | { uri: vscode.Uri };

/** A format and cocli's `-v` (table and wide only: RESOURCE NAME column, cells unpadded). */
export interface FormatChoice {
  format: OutputFormat;
  verbose: boolean;
}

export async function pickFormat(ui: Ui): Promise<FormatChoice | undefined> {
  const labels: Record<OutputFormat, string> = {
    table: vscode.l10n.t('Table (cocli default columns)'),
    wide: vscode.l10n.t('Wide table (all columns)'),
    json: 'JSON',
    yaml: 'YAML',
    csv: 'CSV',
  };
  const items = OUTPUT_FORMATS.flatMap((f) => {
    const plain = { label: labels[f], description: f, choice: { format: f, verbose: false } };
    if (f !== 'table' && f !== 'wide') return [plain];
    return [
      plain,
      { label: vscode.l10n.t('{0}, verbose (RESOURCE NAME)', labels[f]), description: `${f} -v`, choice: { format: f, verbose: true } },
    ];
  });
  const pick = await ui.showQuickPick(items, { title: vscode.l10n.t('Export Format') });
  return pick?.choice;
}

export function pickTarget(ui: Ui, defaultName: string, format: OutputFormat): Promise<ExportTarget | undefined> {
  const ext = extensionFor(format);
  return pickTargetFor(ui, `${defaultName}.${ext}`, ext);
}

/** Editor or file (`ext` names the file type): "Export To" then, for a file, the save dialog offering `fileName`. */
export async function pickTargetFor(ui: Ui, fileName: string, ext: string): Promise<ExportTarget | undefined> {
  const editor = { label: vscode.l10n.t('Open in a New Editor'), target: 'editor' as const };
  const file = { label: vscode.l10n.t('Save to File…'), target: 'file' as const };
  const pick = await ui.showQuickPick([editor, file], { title: vscode.l10n.t('Export To') });
  if (!pick) return undefined;
  if (pick.target === 'editor') return 'editor';
  const uri = await ui.showSaveDialog({
    defaultUri: defaultSaveUri(fileName),
    filters: { [ext.toUpperCase()]: [ext] },
  });
  return uri ? { uri } : undefined;
}

const LANGUAGES: Record<OutputFormat, string> = { table: 'plaintext', wide: 'plaintext', json: 'json', yaml: 'yaml', csv: 'csv' };

/** Writes the text where the user asked; returns the document or file URI. */
export function writeExport(text: string, format: OutputFormat, target: ExportTarget): Promise<vscode.Uri> {
  return writeText(text, LANGUAGES[format], target);
}

/** Writes `text` to a new editor in `language`, or to the file. */
export async function writeText(text: string, language: string, target: ExportTarget): Promise<vscode.Uri> {
  if (target === 'editor') {
    const doc = await vscode.workspace.openTextDocument({ content: text, language });
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc.uri;
  }
  await vscode.workspace.fs.writeFile(target.uri, new TextEncoder().encode(text));
  return target.uri;
}

/** Runs `work` under a cancellable notification; cancelling aborts the requests. */
export function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) =>
    withAbortSignal(token, (signal) => work(signal, (message) => progress.report({ message }))),
  );
}
