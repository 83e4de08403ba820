import type * as vscode from 'vscode';
import type { PickItem, SearchQuickPickOptions, StepInputOptions, StepPickOptions, StepResult, Ui } from '../../../src/vscode/shared/ui';
import { extensionApi } from './profileFixtures';

/** A notification the extension showed (not a modal question). */
export interface ShownMessage {
  severity: 'info' | 'warning' | 'error';
  message: string;
  actions: string[];
}

/** A question the extension asked, in order, with the answer the script gave. */
export interface AskedQuestion {
  kind: 'quickPick' | 'quickPickMany' | 'search' | 'input' | 'confirm' | 'save' | 'open';
  title?: string;
  /** Quick picks: the items' labels; input boxes: the prompt; confirmations: the message and its actions. */
  offered: string[];
  answer?: string;
  /** Steps of a multi-step flow (ui.stepInput / ui.stepPick): the counter, whether Back was offered, and what the
   * step opened with (the pre-filled text, `•••` for a password; the highlighted item's label). */
  step?: number;
  totalSteps?: number;
  backOffered?: boolean;
  value?: string;
}

/** Chooses among quick pick items: a label or description (exact, `$(icon)` prefixes ignored), or a predicate. */
export type Choose = string | ((item: PickItem & Record<string, unknown>) => boolean);

type Answer =
  | { kind: 'quickPick'; choose: Choose | undefined }
  | { kind: 'quickPickMany'; choose: ((item: PickItem & Record<string, unknown>) => boolean) | undefined }
  | { kind: 'search'; typed: string[]; choose: Choose | undefined; between?: (typed: string) => Promise<void> }
  | { kind: 'input'; values: (string | undefined)[] }
  | { kind: 'confirm'; action: string | undefined }
  | { kind: 'save'; uri: vscode.Uri | undefined | ((offered: vscode.Uri | undefined) => vscode.Uri) }
  | { kind: 'open'; uris: vscode.Uri[] | undefined }
  | { kind: 'back' };

const plain = (label: string) => label.replace(/^\$\([^)]*\)\s*/, '');

/**
 * The integration tests' window: questions are answered from a script queued beforehand, in order, and a question
 * the script did not expect fails the command with an error naming it (so a test never hangs on a hidden prompt).
 * Notifications are recorded; one offering an action queued with `click` gets that action. The clipboard is kept in
 * memory.
 */
export class ScriptedUi implements Ui {
  readonly shown: ShownMessage[] = [];
  readonly asked: AskedQuestion[] = [];
  /** Every search a searched quick pick ran: the text, and whether it was aborted by the next keystroke or finished. */
  readonly searches: { text: string; outcome: 'aborted' | 'done' | 'failed'; labels: string[] }[] = [];
  /** Web addresses opened (ui.openExternal). */
  readonly opened: string[] = [];
  /** Messages the input boxes' validation gave for values the script typed. */
  readonly validationMessages: string[] = [];
  /** Questions nobody scripted an answer for (each also failed its command). */
  readonly unexpected: string[] = [];
  private readonly answers: Answer[] = [];
  private readonly clicks: string[] = [];
  private clipboardText = '';
  private readonly waiters: (() => void)[] = [];

  readonly clipboard: vscode.Clipboard = {
    readText: async () => this.clipboardText,
    writeText: async (value: string) => {
      this.clipboardText = value;
    },
  };

  /** Next quick pick: the item chosen (undefined: the user presses Escape). */
  pick(choose: Choose | undefined): this {
    this.answers.push({ kind: 'quickPick', choose });
    return this;
  }
  /** Next multi-select quick pick: every item the predicate accepts (undefined: Escape). */
  pickMany(choose: ((item: PickItem & Record<string, unknown>) => boolean) | undefined): this {
    this.answers.push({ kind: 'quickPickMany', choose });
    return this;
  }
  /**
   * Next searched quick pick: each text of `typed` is typed in turn (each one's search starts at once, and the next
   * text aborts it, as typing faster than the server answers does); `between` runs after each search but the last
   * starts (e.g. waits until the fake saw the request). The item is chosen among the last search's results.
   */
  search(typed: string[], choose: Choose | undefined, between?: (typed: string) => Promise<void>): this {
    this.answers.push({ kind: 'search', typed, choose, between });
    return this;
  }
  /**
   * Next input box: each value is typed in turn and checked with the box's validation (messages recorded in
   * `validationMessages`); the first valid one is accepted. undefined: Escape.
   */
  input(...values: (string | undefined)[]): this {
    this.answers.push({ kind: 'input', values });
    return this;
  }
  /**
   * Next step of a multi-step flow: the Back button (the step must offer it). An input step whose scripted values
   * were all refused stays open and takes the next answer: `ui.input('bad').back()` goes back from that step.
   */
  back(): this {
    this.answers.push({ kind: 'back' });
    return this;
  }
  /** Next modal question (ui.confirm): the action chosen (undefined: Cancel). */
  answerConfirm(action: string | undefined): this {
    this.answers.push({ kind: 'confirm', action });
    return this;
  }
  /** Next save dialog: the file chosen (undefined: Cancel), or made from the file the dialog offers. */
  saveAs(uri: vscode.Uri | undefined | ((offered: vscode.Uri | undefined) => vscode.Uri)): this {
    this.answers.push({ kind: 'save', uri });
    return this;
  }
  /** Next open dialog: the files chosen (undefined: Cancel). */
  openFiles(uris: vscode.Uri[] | undefined): this {
    this.answers.push({ kind: 'open', uris });
    return this;
  }
  /** The next notification offering `action` gets it clicked. */
  click(action: string): this {
    this.clicks.push(action);
    return this;
  }

  /** Throws unless every queued answer was used and no question came unscripted. */
  assertAllAnswered(): void {
    const left = this.answers.map((a) => a.kind);
    if (this.unexpected.length || left.length)
      throw new Error(`unscripted questions: [${this.unexpected.join('; ')}]; answers not used: [${left.join(', ')}]`);
  }

  /** The notifications of one severity, messages only. */
  messages(severity?: ShownMessage['severity']): string[] {
    return this.shown.filter((s) => !severity || s.severity === severity).map((s) => s.message);
  }

  /** Resolves with the first notification (already shown or to come) that `test` accepts; rejects after `timeoutMs`. */
  async waitForMessage(test: (m: ShownMessage) => boolean, timeoutMs = 10_000): Promise<ShownMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.shown.find(test);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such notification within ${timeoutMs} ms; shown: ${JSON.stringify(this.messages())}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 1_000));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private next<K extends Answer['kind']>(kind: K | readonly K[], describe: string): Extract<Answer, { kind: K }> {
    const answer = this.answers[0];
    const kinds: readonly string[] = typeof kind === 'string' ? [kind] : kind;
    if (!answer || !kinds.includes(answer.kind)) {
      const problem = `${describe} (next answer: ${answer?.kind ?? 'none'})`;
      this.unexpected.push(problem);
      throw new Error(`Unscripted question: ${problem}`);
    }
    this.answers.shift();
    return answer as Extract<Answer, { kind: K }>;
  }

  async showQuickPick<T extends PickItem>(
    items: readonly T[] | Thenable<readonly T[]>,
    options: vscode.QuickPickOptions,
  ): Promise<T | undefined> {
    const list = await items;
    const asked: AskedQuestion = { kind: 'quickPick', title: options.title, offered: list.map((i) => i.label) };
    this.asked.push(asked);
    const { choose } = this.next('quickPick', `quick pick "${options.title ?? options.placeHolder ?? ''}"`);
    if (choose === undefined) return undefined;
    const found = list.find((item) =>
      typeof choose === 'string'
        ? plain(item.label) === choose || item.description === choose
        : choose(item as unknown as PickItem & Record<string, unknown>),
    );
    if (!found) throw new Error(`quick pick "${options.title ?? ''}" has no item ${String(choose)}; items: ${asked.offered.join(' | ')}`);
    asked.answer = found.label;
    return found;
  }

  async showQuickPickMany<T extends PickItem>(
    items: readonly T[] | Thenable<readonly T[]>,
    options: vscode.QuickPickOptions,
  ): Promise<readonly T[] | undefined> {
    const list = await items;
    this.asked.push({ kind: 'quickPickMany', title: options.title, offered: list.map((i) => i.label) });
    const { choose } = this.next('quickPickMany', `multi-select quick pick "${options.title ?? ''}"`);
    return choose === undefined ? undefined : list.filter((item) => choose(item as unknown as PickItem & Record<string, unknown>));
  }

  async showLoadingQuickPick<T extends PickItem>(
    first: readonly T[],
    more: Thenable<readonly T[]>,
    options: vscode.QuickPickOptions,
  ): Promise<T | undefined> {
    const loaded = await Promise.resolve(more).then(
      (items) => [...items, ...first],
      () => [...first],
    );
    return this.showQuickPick(loaded, options);
  }

  async showSearchQuickPick<T extends PickItem>(
    search: (text: string, signal: AbortSignal) => Promise<readonly T[]>,
    options: SearchQuickPickOptions,
  ): Promise<T | undefined> {
    const asked: AskedQuestion = { kind: 'search', title: options.title, offered: [] };
    this.asked.push(asked);
    const { typed, choose, between } = this.next('search', `searched quick pick "${options.title}"`);
    let previous: AbortController | undefined;
    let last: Promise<readonly T[]> = Promise.resolve([]);
    for (const [i, text] of typed.entries()) {
      previous?.abort();
      const controller = (previous = new AbortController());
      const record = { text, outcome: 'done' as 'aborted' | 'done' | 'failed', labels: [] as string[] };
      this.searches.push(record);
      last = search(text, controller.signal).then(
        (items) => {
          if (controller.signal.aborted) record.outcome = 'aborted';
          record.labels = items.map((item) => item.label);
          return items;
        },
        (err: unknown) => {
          record.outcome = controller.signal.aborted ? 'aborted' : 'failed';
          throw err;
        },
      );
      if (i < typed.length - 1) {
        last.catch(() => undefined);
        await between?.(text);
      }
    }
    const list = await last;
    asked.offered = list.map((item) => item.label);
    if (choose === undefined) return undefined;
    const found = list.find((item) =>
      typeof choose === 'string'
        ? plain(item.label) === choose || item.description === choose
        : choose(item as unknown as PickItem & Record<string, unknown>),
    );
    if (!found)
      throw new Error(`searched quick pick "${options.title}" has no item ${String(choose)}; items: ${asked.offered.join(' | ')}`);
    asked.answer = found.label;
    return found;
  }

  async openExternal(uri: vscode.Uri): Promise<boolean> {
    this.opened.push(uri.toString(true));
    return true;
  }

  async showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const asked: AskedQuestion = { kind: 'input', title: options.title, offered: [options.prompt ?? ''] };
    this.asked.push(asked);
    const { values } = this.next('input', `input box "${options.title ?? options.prompt ?? ''}"`);
    for (const value of values) {
      if (value === undefined) return undefined;
      const verdict = await options.validateInput?.(value);
      const message = typeof verdict === 'string' ? verdict : verdict?.message;
      if (message) {
        this.validationMessages.push(message);
        continue;
      }
      asked.answer = options.password ? '•••' : value;
      return value;
    }
    throw new Error(`input box "${options.title ?? ''}": every scripted value was rejected (${this.validationMessages.join('; ')})`);
  }

  async stepInput(options: StepInputOptions): Promise<StepResult<string>> {
    const asked: AskedQuestion = {
      kind: 'input',
      title: options.title,
      offered: [options.prompt ?? ''],
      step: options.step,
      totalSteps: options.totalSteps,
      backOffered: options.back,
      value: options.password && options.value ? '•••' : (options.value ?? ''),
    };
    this.asked.push(asked);
    const describe = `input step "${options.title}" (${options.step}/${options.totalSteps})`;
    for (let first = true; first || ['input', 'back'].includes(this.answers[0]?.kind ?? ''); first = false) {
      const answer = this.next(['input', 'back'] as const, describe);
      if (answer.kind === 'back') {
        if (!options.back) throw new Error(`${describe} offers no Back button`);
        asked.answer = 'Back';
        return 'back';
      }
      for (const value of answer.values) {
        if (value === undefined) return undefined;
        const message = options.validateInput?.(value) ?? (await options.accept?.(value, new AbortController().signal));
        if (message) {
          this.validationMessages.push(message);
          continue;
        }
        asked.answer = options.password ? '•••' : value;
        return { value };
      }
    }
    throw new Error(`${describe}: every scripted value was refused (${this.validationMessages.join('; ')})`);
  }

  async stepPick<T extends PickItem>(items: readonly T[], options: StepPickOptions<T>): Promise<StepResult<T>> {
    const asked: AskedQuestion = {
      kind: 'quickPick',
      title: options.title,
      offered: items.map((i) => i.label),
      step: options.step,
      totalSteps: options.totalSteps,
      backOffered: options.back,
      value: options.active?.label,
    };
    this.asked.push(asked);
    const describe = `quick pick step "${options.title}" (${options.step}/${options.totalSteps})`;
    const answer = this.next(['quickPick', 'back'] as const, describe);
    if (answer.kind === 'back') {
      if (!options.back) throw new Error(`${describe} offers no Back button`);
      asked.answer = 'Back';
      return 'back';
    }
    const { choose } = answer;
    if (choose === undefined) return undefined;
    const found = items.find((item) =>
      typeof choose === 'string'
        ? plain(item.label) === choose || item.description === choose
        : choose(item as unknown as PickItem & Record<string, unknown>),
    );
    if (!found) throw new Error(`${describe} has no item ${String(choose)}; items: ${asked.offered.join(' | ')}`);
    asked.answer = found.label;
    return { value: found };
  }

  private notify(severity: ShownMessage['severity'], message: string, actions: string[]): Promise<string | undefined> {
    this.shown.push({ severity, message, actions });
    for (const wake of this.waiters.splice(0)) wake();
    const index = this.clicks.findIndex((c) => actions.includes(c));
    return Promise.resolve(index < 0 ? undefined : this.clicks.splice(index, 1)[0]);
  }
  showInformationMessage(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.notify('info', message, actions);
  }
  showWarningMessage(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.notify('warning', message, actions);
  }
  showErrorMessage(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.notify('error', message, actions);
  }

  async confirm(message: string, detail: string | undefined, ...actions: string[]): Promise<string | undefined> {
    const asked: AskedQuestion = { kind: 'confirm', title: message, offered: [detail ?? '', ...actions] };
    this.asked.push(asked);
    const { action } = this.next('confirm', `confirmation "${message}"`);
    if (action !== undefined && !actions.includes(action))
      throw new Error(`confirmation "${message}" offers [${actions.join(', ')}], not ${action}`);
    asked.answer = action;
    return action;
  }

  async showSaveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined> {
    this.asked.push({ kind: 'save', title: options.title, offered: [options.defaultUri?.toString() ?? ''] });
    const { uri } = this.next('save', `save dialog "${options.title ?? options.defaultUri?.path ?? ''}"`);
    return typeof uri === 'function' ? uri(options.defaultUri) : uri;
  }

  async showOpenDialog(options: vscode.OpenDialogOptions): Promise<readonly vscode.Uri[] | undefined> {
    this.asked.push({ kind: 'open', title: options.title, offered: [] });
    return this.next('open', `open dialog "${options.title ?? ''}"`).uris;
  }
}

/**
 * Installs a new ScriptedUi as the extension's window and returns it; `restoreUi()` (or the next call) puts it back.
 * Use in `beforeEach` / `afterEach`.
 */
export async function scriptUi(): Promise<ScriptedUi> {
  const ui = new ScriptedUi();
  (await extensionApi()).ui.use(ui);
  return ui;
}

export async function restoreUi(): Promise<void> {
  (await extensionApi()).ui.use(undefined);
}
