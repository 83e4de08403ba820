import * as vscode from 'vscode';

/**
 * Records the text of every notification and progress title/message shown through the `vscode.window`
 * object this extension's code shares with the tests (the extension host hands one API object per
 * extension, and the tests run as part of the extension under development). When the object cannot be
 * patched, `patched` is false and nothing is recorded.
 */
export interface ShownNotification {
  severity: 'info' | 'warning' | 'error';
  /** The message as the toast shows it (without its buttons). */
  message: string;
  /** The buttons' titles. */
  actions: string[];
}

export interface NotificationRecorder {
  readonly patched: boolean;
  readonly texts: string[];
  /** Every notification shown, in order. */
  readonly shown: ShownNotification[];
  restore(): void;
}

type Win = Record<string, unknown>;

function itemText(item: unknown): string {
  if (typeof item === 'string') return item;
  if (item && typeof item === 'object') {
    const { title, detail } = item as { title?: unknown; detail?: unknown };
    return [title, detail].filter((v) => typeof v === 'string').join(' ');
  }
  return '';
}

export function recordNotifications(): NotificationRecorder {
  const win = vscode.window as unknown as Win;
  const texts: string[] = [];
  const shown: ShownNotification[] = [];
  const originals = new Map<string, unknown>();
  const patch = (name: string, wrap: (original: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown): boolean => {
    const original = win[name] as (...args: unknown[]) => unknown;
    const wrapped = wrap(original);
    try {
      win[name] = wrapped;
    } catch {
      return false;
    }
    if (win[name] !== wrapped) return false;
    originals.set(name, original);
    return true;
  };
  const message =
    (severity: ShownNotification['severity']) =>
    (original: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      texts.push(args.map(itemText).filter(Boolean).join(' | '));
      const [text, ...rest] = args;
      const actions = rest.filter((a) => typeof a === 'string' || (a && typeof a === 'object' && 'title' in a)).map(itemText);
      shown.push({ severity, message: String(text), actions });
      return original.apply(vscode.window, args);
    };
  let patched = true;
  patched = patch('showInformationMessage', message('info')) && patched;
  patched = patch('showWarningMessage', message('warning')) && patched;
  patched = patch('showErrorMessage', message('error')) && patched;
  patched =
    patch('withProgress', (original) => (options: unknown, task: unknown) => {
      texts.push(`progress: ${String((options as { title?: unknown }).title ?? '')}`);
      const run = task as (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) => unknown;
      return original.call(vscode.window, options, (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) =>
        run(
          {
            report: (v) => {
              if (v.message) texts.push(`progress: ${v.message}`);
              progress.report(v);
            },
          },
          token,
        ),
      );
    }) && patched;
  return {
    patched,
    texts,
    shown,
    restore: () => {
      for (const [name, original] of originals) win[name] = original;
      originals.clear();
    },
  };
}
