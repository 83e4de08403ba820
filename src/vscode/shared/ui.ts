import * as vscode from 'vscode';

/** A quick pick item; `T` carries what the caller needs back (a user, a format, …). */
export type PickItem = vscode.QuickPickItem;

/**
 * Every question and notification a command or view puts to the user. Production passes VS Code's window
 * (`windowUi`); the integration tests install a scripted one that answers the questions and records what was shown
 * (test API `ui.use`). Code below the adapters never shows anything itself.
 */
export interface Ui {
  showQuickPick<T extends PickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions): Promise<T | undefined>;
  showQuickPickMany<T extends PickItem>(
    items: readonly T[] | Thenable<readonly T[]>,
    options: vscode.QuickPickOptions,
  ): Promise<readonly T[] | undefined>;
  /**
   * A quick pick that opens at once with `first` (busy) and adds `more` when it arrives (a list read from the server
   * while the user starts typing). A failed `more` leaves `first`.
   */
  showLoadingQuickPick<T extends PickItem>(
    first: readonly T[],
    more: Thenable<readonly T[]>,
    options: vscode.QuickPickOptions,
  ): Promise<T | undefined>;
  showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined>;
  /** A notification; resolves with the action clicked (or undefined when dismissed). Callers rarely await it. */
  showInformationMessage(message: string, ...actions: string[]): Promise<string | undefined>;
  showWarningMessage(message: string, ...actions: string[]): Promise<string | undefined>;
  showErrorMessage(message: string, ...actions: string[]): Promise<string | undefined>;
  /** A modal question; resolves with the action chosen, undefined for Cancel. */
  confirm(message: string, detail: string | undefined, ...actions: string[]): Promise<string | undefined>;
  showSaveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined>;
  showOpenDialog(options: vscode.OpenDialogOptions): Promise<readonly vscode.Uri[] | undefined>;
  readonly clipboard: vscode.Clipboard;
}

/** The real thing: VS Code's window and clipboard. */
export const windowUi: Ui = {
  showQuickPick: async (items, options) => vscode.window.showQuickPick(items, { ...options, canPickMany: false }),
  showQuickPickMany: async (items, options) => vscode.window.showQuickPick(items, { ...options, canPickMany: true }),
  showLoadingQuickPick: (first, more, options) => loadingQuickPick(first, more, options),
  showInputBox: async (options) => vscode.window.showInputBox(options),
  showInformationMessage: async (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
  showWarningMessage: async (message, ...actions) => vscode.window.showWarningMessage(message, ...actions),
  showErrorMessage: async (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
  confirm: async (message, detail, ...actions) => vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions),
  showSaveDialog: async (options) => vscode.window.showSaveDialog(options),
  showOpenDialog: async (options) => vscode.window.showOpenDialog(options),
  get clipboard() {
    return vscode.env.clipboard;
  },
};

async function loadingQuickPick<T extends PickItem>(
  first: readonly T[],
  more: Thenable<readonly T[]>,
  options: vscode.QuickPickOptions,
): Promise<T | undefined> {
  const quickPick = vscode.window.createQuickPick<T>();
  quickPick.title = options.title;
  quickPick.placeholder = options.placeHolder;
  quickPick.matchOnDescription = options.matchOnDescription ?? false;
  quickPick.matchOnDetail = options.matchOnDetail ?? false;
  quickPick.items = first;
  quickPick.busy = true;
  quickPick.show();
  more.then(
    (items) => {
      quickPick.items = [...items, ...first];
      quickPick.busy = false;
    },
    () => (quickPick.busy = false),
  );
  try {
    return await new Promise<T | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
      quickPick.onDidHide(() => resolve(undefined));
    });
  } finally {
    quickPick.dispose();
  }
}

/**
 * Test mode only: a Ui whose implementation the integration tests can replace (test API `ui.use`). Outside test
 * mode activate() passes `windowUi` itself, so nothing can swap what the user is asked.
 */
export class ReplaceableUi implements Ui {
  private current: Ui = windowUi;

  /** Installs `ui` (undefined: back to VS Code's window). */
  use(ui: Ui | undefined): void {
    this.current = ui ?? windowUi;
  }

  showQuickPick: Ui['showQuickPick'] = (items, options) => this.current.showQuickPick(items, options);
  showQuickPickMany: Ui['showQuickPickMany'] = (items, options) => this.current.showQuickPickMany(items, options);
  showLoadingQuickPick: Ui['showLoadingQuickPick'] = (first, more, options) => this.current.showLoadingQuickPick(first, more, options);
  showInputBox: Ui['showInputBox'] = (options) => this.current.showInputBox(options);
  showInformationMessage: Ui['showInformationMessage'] = (message, ...actions) => this.current.showInformationMessage(message, ...actions);
  showWarningMessage: Ui['showWarningMessage'] = (message, ...actions) => this.current.showWarningMessage(message, ...actions);
  showErrorMessage: Ui['showErrorMessage'] = (message, ...actions) => this.current.showErrorMessage(message, ...actions);
  confirm: Ui['confirm'] = (message, detail, ...actions) => this.current.confirm(message, detail, ...actions);
  showSaveDialog: Ui['showSaveDialog'] = (options) => this.current.showSaveDialog(options);
  showOpenDialog: Ui['showOpenDialog'] = (options) => this.current.showOpenDialog(options);
  get clipboard(): vscode.Clipboard {
    return this.current.clipboard;
  }
}
