import * as vscode from 'vscode';
import { stepInput, stepPick } from './stepQuestions';

/** A quick pick item; `T` carries what the caller needs back (a user, a format, …). */
export type PickItem = vscode.QuickPickItem;

/** What a searched quick pick shows besides its items. */
export interface SearchQuickPickOptions {
  title: string;
  placeHolder?: string;
  /** Wait after the last keystroke before searching (ms). */
  debounceMs?: number;
}

/** Where a question stands in a multi-step flow (shown as "Title (2/7)"); `back`: the title bar offers Back. */
export interface StepNav {
  step: number;
  totalSteps: number;
  back: boolean;
}

/** A step's answer: the value, 'back' (the Back button), or undefined (Escape: the whole flow is cancelled). */
export type StepResult<T> = { value: T } | 'back' | undefined;

export interface StepInputOptions extends StepNav {
  title: string;
  prompt?: string;
  placeHolder?: string;
  /** Pre-filled (what was typed before going back, or a default). */
  value?: string;
  password?: boolean;
  /** Checked as the user types; a message blocks Enter. */
  validateInput?: (value: string) => string | undefined;
  /**
   * Runs on Enter with the box busy (e.g. asks the server whether a token works). A message keeps the box open and
   * shows it: the user edits, goes Back, or presses Enter again. Escape aborts `signal`.
   */
  accept?: (value: string, signal: AbortSignal) => Promise<string | undefined>;
}

export interface StepPickOptions<T extends PickItem> extends StepNav {
  title: string;
  placeHolder?: string;
  /** The item highlighted when the pick opens (the one chosen before going back). */
  active?: T;
  matchOnDescription?: boolean;
}

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
  /**
   * A quick pick whose items come from `search` as the user types: each change waits `debounceMs` (default 250), then
   * searches; a newer change aborts the search before it (its signal). Empty text shows no items. A failed search
   * rejects (the quick pick closes).
   */
  showSearchQuickPick<T extends PickItem>(
    search: (text: string, signal: AbortSignal) => Promise<readonly T[]>,
    options: SearchQuickPickOptions,
  ): Promise<T | undefined>;
  showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined>;
  /** One input step of a multi-step flow (shared/wizard.ts): step counter, Back button, pre-filled value. */
  stepInput(options: StepInputOptions): Promise<StepResult<string>>;
  /** One quick pick step of a multi-step flow. */
  stepPick<T extends PickItem>(items: readonly T[], options: StepPickOptions<T>): Promise<StepResult<T>>;
  /** A notification; resolves with the action clicked (or undefined when dismissed). Callers rarely await it. */
  showInformationMessage(message: string, ...actions: string[]): Promise<string | undefined>;
  showWarningMessage(message: string, ...actions: string[]): Promise<string | undefined>;
  showErrorMessage(message: string, ...actions: string[]): Promise<string | undefined>;
  /** A modal question; resolves with the action chosen, undefined for Cancel. */
  confirm(message: string, detail: string | undefined, ...actions: string[]): Promise<string | undefined>;
  showSaveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined>;
  showOpenDialog(options: vscode.OpenDialogOptions): Promise<readonly vscode.Uri[] | undefined>;
  /** Opens a web address in the browser (vscode.env.openExternal). */
  openExternal(uri: vscode.Uri): Promise<boolean>;
  readonly clipboard: vscode.Clipboard;
}

/** The real thing: VS Code's window and clipboard. */
export const windowUi: Ui = {
  showQuickPick: async (items, options) => vscode.window.showQuickPick(items, { ...options, canPickMany: false }),
  showQuickPickMany: async (items, options) => vscode.window.showQuickPick(items, { ...options, canPickMany: true }),
  showLoadingQuickPick: (first, more, options) => loadingQuickPick(first, more, options),
  showSearchQuickPick: (search, options) => searchQuickPick(search, options),
  showInputBox: async (options) => vscode.window.showInputBox(options),
  stepInput: (options) => stepInput(options),
  stepPick: (items, options) => stepPick(items, options),
  showInformationMessage: async (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
  showWarningMessage: async (message, ...actions) => vscode.window.showWarningMessage(message, ...actions),
  showErrorMessage: async (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
  confirm: async (message, detail, ...actions) => vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions),
  showSaveDialog: async (options) => vscode.window.showSaveDialog(options),
  showOpenDialog: async (options) => vscode.window.showOpenDialog(options),
  openExternal: async (uri) => vscode.env.openExternal(uri),
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

async function searchQuickPick<T extends PickItem>(
  search: (text: string, signal: AbortSignal) => Promise<readonly T[]>,
  options: SearchQuickPickOptions,
): Promise<T | undefined> {
  const quickPick = vscode.window.createQuickPick<T>();
  quickPick.title = options.title;
  quickPick.placeholder = options.placeHolder;
  // The server matched already: the typed text need not appear in the label (it may be in the email).
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  let running: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      quickPick.onDidChangeValue((value) => {
        clearTimeout(timer);
        running?.abort();
        running = undefined;
        const text = value.trim();
        if (!text) {
          quickPick.items = [];
          quickPick.busy = false;
          return;
        }
        quickPick.busy = true;
        timer = setTimeout(() => {
          const controller = (running = new AbortController());
          search(text, controller.signal).then(
            (items) => {
              if (controller.signal.aborted) return;
              quickPick.items = items;
              quickPick.busy = false;
            },
            (err: unknown) => {
              if (controller.signal.aborted) return;
              reject(err instanceof Error ? err : new Error(String(err)));
            },
          );
        }, options.debounceMs ?? 250);
      });
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
  } finally {
    clearTimeout(timer);
    running?.abort();
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
  showSearchQuickPick: Ui['showSearchQuickPick'] = (search, options) => this.current.showSearchQuickPick(search, options);
  showInputBox: Ui['showInputBox'] = (options) => this.current.showInputBox(options);
  stepInput: Ui['stepInput'] = (options) => this.current.stepInput(options);
  stepPick: Ui['stepPick'] = (items, options) => this.current.stepPick(items, options);
  showInformationMessage: Ui['showInformationMessage'] = (message, ...actions) => this.current.showInformationMessage(message, ...actions);
  showWarningMessage: Ui['showWarningMessage'] = (message, ...actions) => this.current.showWarningMessage(message, ...actions);
  showErrorMessage: Ui['showErrorMessage'] = (message, ...actions) => this.current.showErrorMessage(message, ...actions);
  confirm: Ui['confirm'] = (message, detail, ...actions) => this.current.confirm(message, detail, ...actions);
  showSaveDialog: Ui['showSaveDialog'] = (options) => this.current.showSaveDialog(options);
  showOpenDialog: Ui['showOpenDialog'] = (options) => this.current.showOpenDialog(options);
  openExternal: Ui['openExternal'] = (uri) => this.current.openExternal(uri);
  get clipboard(): vscode.Clipboard {
    return this.current.clipboard;
  }
}
