import * as assert from 'node:assert/strict';
import type { PickItem, StepInputOptions, StepPickOptions, StepResult, Ui } from '../../../../src/vscode/shared/ui';
import { inputStep, pickStep, runWizard } from '../../../../src/vscode/shared/wizard';

interface Answers {
  kind: 'a' | 'b';
  name: string;
  secret: string;
}

type Reply = string | 'BACK' | undefined | { pick: string };

/** A Ui answering the wizard's steps from `replies` and recording what each step opened with. */
function scripted(replies: Reply[]) {
  const seen: string[] = [];
  const next = () => {
    if (!replies.length) throw new Error('no reply left');
    return replies.shift();
  };
  const ui = {
    async stepInput(o: StepInputOptions): Promise<StepResult<string>> {
      seen.push(`${o.title} ${o.step}/${o.totalSteps}${o.back ? ' ←' : ''} [${o.value ?? ''}]`);
      const r = next();
      if (r === 'BACK') return 'back';
      if (r === undefined) return undefined;
      if (typeof r !== 'string') throw new Error('input step got a pick');
      return { value: r };
    },
    async stepPick<T extends PickItem>(items: readonly T[], o: StepPickOptions<T>): Promise<StepResult<T>> {
      seen.push(`${o.title} ${o.step}/${o.totalSteps}${o.back ? ' ←' : ''} [${o.active?.label ?? ''}]`);
      const r = next();
      if (r === 'BACK') return 'back';
      if (r === undefined) return undefined;
      if (typeof r === 'string') throw new Error('pick step got text');
      const item = items.find((i) => i.label === r.pick);
      if (!item) throw new Error(`no item ${r.pick}`);
      return { value: item };
    },
  } as unknown as Ui;
  return { ui, seen };
}

const steps = [
  pickStep<Answers, 'a' | 'b'>('kind', () => ({
    title: 'Kind',
    items: [
      { label: 'A', value: 'a' as const },
      { label: 'B', value: 'b' as const },
    ],
  })),
  inputStep<Answers>('name', () => ({ title: 'Name', value: 'default' })),
  inputStep<Answers>(
    'secret',
    (a) => ({ title: `Secret of ${a.name}`, password: true }),
    (a) => a.kind === 'a',
  ),
];

describe('runWizard: steps through the injected Ui', () => {
  it('shows the counter, offers Back after the first step, and pre-fills what was answered before', async () => {
    const { ui, seen } = scripted([{ pick: 'A' }, 'alice', 'BACK', 'BACK', { pick: 'A' }, 'alice2', 's3cret']);
    assert.deepEqual(await runWizard<Answers>(ui, steps), { kind: 'a', name: 'alice2', secret: 's3cret' });
    assert.deepEqual(seen, [
      'Kind 1/2 []', // the secret step applies once the kind is known
      'Name 2/3 ← [default]',
      'Secret of alice 3/3 ← []',
      'Name 2/3 ← [alice]',
      'Kind 1/3 [A]',
      'Name 2/3 ← [alice]',
      'Secret of alice2 3/3 ← []',
    ]);
  });

  it('a branch that skips a step counts fewer steps; Escape anywhere cancels the whole flow', async () => {
    const b = scripted([{ pick: 'B' }, 'bob']);
    assert.deepEqual(await runWizard<Answers>(b.ui, steps), { kind: 'b', name: 'bob' });
    assert.deepEqual(b.seen, ['Kind 1/2 []', 'Name 2/2 ← [default]']);
    const escaped = scripted([{ pick: 'A' }, 'alice', undefined]);
    assert.equal(await runWizard<Answers>(escaped.ui, steps), undefined);
  });
});
