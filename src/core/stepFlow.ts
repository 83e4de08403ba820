/**
 * The bookkeeping of a multi-step question flow (a wizard), without any UI: which step comes next, the step counter,
 * what Back returns to, and the answers kept when going back. A step may depend on earlier answers (`when`): the
 * counter counts only the steps that apply to the answers so far.
 */
export interface FlowStep<A> {
  readonly id: keyof A & string;
  /** False: the step is skipped for these answers (e.g. the access key's questions after "IAM user and password"). */
  readonly when?: (answers: Partial<A>) => boolean;
}

export class StepFlow<A, S extends FlowStep<A> = FlowStep<A>> {
  /** The indexes of the steps answered, in order: Back returns to the last one. */
  private readonly history: number[] = [];
  private index: number;
  private readonly kept: Partial<A> = {};

  constructor(private readonly steps: readonly S[]) {
    this.index = this.nextFrom(0);
  }

  /** The step to ask now; undefined when every step that applies is answered. */
  current(): S | undefined {
    return this.steps[this.index];
  }

  /** 1-based step number and the number of steps that apply to the answers so far. */
  position(): { step: number; totalSteps: number } {
    let total = this.history.length;
    for (let i = this.index; i < this.steps.length; i++) if (this.applies(i)) total++;
    return { step: this.history.length + 1, totalSteps: total };
  }

  /** Back is offered on every step but the first. */
  canGoBack(): boolean {
    return this.history.length > 0;
  }

  /** The answer given to `id` before (kept when going back), if any. */
  previous<K extends keyof A>(id: K): A[K] | undefined {
    return this.kept[id];
  }

  /** The answers so far (including those of steps no longer on the path). */
  answers(): Partial<A> {
    return { ...this.kept };
  }

  /** Records the current step's answer and moves on. */
  answer(value: A[keyof A]): void {
    const step = this.steps[this.index];
    if (!step) throw new Error('StepFlow.answer: the flow is complete');
    this.kept[step.id] = value as A[keyof A & string];
    this.history.push(this.index);
    this.index = this.nextFrom(this.index + 1);
  }

  /** Returns to the step answered last (its answer kept); false on the first step. */
  back(): boolean {
    const last = this.history.pop();
    if (last === undefined) return false;
    this.index = last;
    return true;
  }

  /** When complete: the answers of the steps on the path taken (answers of skipped branches left out). */
  result(): Partial<A> {
    const out: Partial<A> = {};
    for (const i of this.history) {
      const id = this.steps[i]!.id;
      out[id] = this.kept[id];
    }
    return out;
  }

  private applies(i: number): boolean {
    return this.steps[i]!.when?.(this.kept) ?? true;
  }

  private nextFrom(start: number): number {
    let i = start;
    while (i < this.steps.length && !this.applies(i)) i++;
    return i;
  }
}
