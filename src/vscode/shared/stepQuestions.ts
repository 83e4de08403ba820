import * as vscode from 'vscode';
import type { PickItem, StepInputOptions, StepNav, StepPickOptions, StepResult } from './ui';

/** VS Code's side of Ui.stepInput: an input box with the step counter, Back, and an optional check on Enter. */
export async function stepInput(options: StepInputOptions): Promise<StepResult<string>> {
  const box = vscode.window.createInputBox();
  place(box, options);
  box.prompt = options.prompt;
  box.placeholder = options.placeHolder;
  box.value = options.value ?? '';
  box.password = options.password ?? false;
  const checking = new AbortController();
  const disposables: vscode.Disposable[] = [box];
  try {
    return await new Promise<StepResult<string>>((resolve) => {
      // Checked as the user types and on Enter, not on opening: an empty box shows its prompt, not a complaint.
      const validate = (value: string) => (box.validationMessage = options.validateInput?.(value));
      disposables.push(
        box.onDidChangeValue(validate),
        box.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) resolve('back');
        }),
        box.onDidHide(() => {
          checking.abort();
          resolve(undefined);
        }),
        box.onDidAccept(async () => {
          const value = box.value;
          if (box.busy || validate(value)) return;
          if (!options.accept) return resolve({ value });
          box.busy = true;
          box.enabled = false;
          try {
            const problem = await options.accept(value, checking.signal);
            if (checking.signal.aborted) return;
            if (problem === undefined) return resolve({ value });
            box.validationMessage = problem;
          } catch (err) {
            if (checking.signal.aborted) return; // Escape during the check: the box is gone
            box.validationMessage = err instanceof Error ? err.message : String(err);
          } finally {
            box.busy = false;
            box.enabled = true;
          }
        }),
      );
      box.show();
    });
  } finally {
    checking.abort();
    for (const d of disposables) d.dispose();
  }
}

/** VS Code's side of Ui.stepPick: a quick pick with the step counter, Back, and the earlier choice highlighted. */
export async function stepPick<T extends PickItem>(items: readonly T[], options: StepPickOptions<T>): Promise<StepResult<T>> {
  const pick = vscode.window.createQuickPick<T>();
  place(pick, options);
  pick.placeholder = options.placeHolder;
  pick.matchOnDescription = options.matchOnDescription ?? false;
  pick.items = items;
  if (options.active) pick.activeItems = [options.active];
  const disposables: vscode.Disposable[] = [pick];
  try {
    return await new Promise<StepResult<T>>((resolve) => {
      disposables.push(
        pick.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) resolve('back');
        }),
        pick.onDidAccept(() => {
          const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
          if (chosen) resolve({ value: chosen });
        }),
        pick.onDidHide(() => resolve(undefined)),
      );
      pick.show();
    });
  } finally {
    for (const d of disposables) d.dispose();
  }
}

function place(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, options: StepNav & { title: string }): void {
  input.title = options.title;
  input.step = options.step;
  input.totalSteps = options.totalSteps;
  input.ignoreFocusOut = true;
  input.buttons = options.back ? [vscode.QuickInputButtons.Back] : [];
}
