import { StepFlow, type FlowStep } from '../../core/stepFlow';
import type { PickItem, StepInputOptions, StepNav, StepResult, Ui } from './ui';

/**
 * A multi-step question flow (the AWS Toolkit's connection wizard): one question per step, the title showing
 * "(step/total)", Back on every step after the first returning with the earlier answer pre-filled, Escape cancelling
 * the whole flow. The bookkeeping is core/stepFlow.ts; the questions go through the injected Ui.
 */
export interface WizardStep<A> extends FlowStep<A> {
  /** Asks the step's question; `previous` is its earlier answer (kept when the user went back). */
  ask(ui: Ui, nav: StepNav, previous: A[keyof A] | undefined, answers: Partial<A>): Promise<StepResult<A[keyof A]>>;
}

/** Runs `steps` in order; resolves with every answer on the path taken, or undefined when the user pressed Escape. */
export async function runWizard<A>(ui: Ui, steps: readonly WizardStep<A>[]): Promise<A | undefined> {
  const flow = new StepFlow<A, WizardStep<A>>(steps);
  for (let step = flow.current(); step; step = flow.current()) {
    const nav: StepNav = { ...flow.position(), back: flow.canGoBack() };
    const result = await step.ask(ui, nav, flow.previous(step.id), flow.answers());
    if (result === undefined) return undefined;
    if (result === 'back') flow.back();
    else flow.answer(result.value);
  }
  return flow.result() as A;
}

type InputQuestion = Omit<StepInputOptions, keyof StepNav>;

/** An input step answering `id` with the text typed (pre-filled with the earlier answer, else `value`). */
export function inputStep<A>(
  id: keyof A & string,
  question: (answers: Partial<A>) => InputQuestion,
  when?: (answers: Partial<A>) => boolean,
): WizardStep<A> {
  return {
    id,
    when,
    ask: async (ui, nav, previous, answers) => {
      const q = question(answers);
      const result = await ui.stepInput({ ...q, ...nav, value: typeof previous === 'string' ? previous : q.value });
      return result === undefined || result === 'back' ? result : { value: result.value as A[keyof A] };
    },
  };
}

/** A quick pick item standing for `value` (the step's answer). */
export type ValueItem<V> = PickItem & { value: V };

/** A quick pick step answering `id` with the chosen item's `value` (the earlier choice highlighted). */
export function pickStep<A, V extends A[keyof A]>(
  id: keyof A & string,
  question: (answers: Partial<A>) => { title: string; placeHolder?: string; items: readonly ValueItem<V>[]; matchOnDescription?: boolean },
  when?: (answers: Partial<A>) => boolean,
): WizardStep<A> {
  return {
    id,
    when,
    ask: async (ui, nav, previous, answers) => {
      const { items, ...q } = question(answers);
      const active = previous === undefined ? undefined : items.find((i) => i.value === previous);
      const result = await ui.stepPick(items, { ...q, ...nav, active });
      return result === undefined || result === 'back' ? result : { value: result.value.value };
    },
  };
}
