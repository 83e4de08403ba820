import * as assert from 'node:assert/strict';
import { StepFlow, type FlowStep } from '../../../src/core/stepFlow';

interface Answers {
  method: 'password' | 'aksk';
  user: string;
  password: string;
  ak: string;
  region: string;
}

const byPassword = (a: Partial<Answers>) => a.method === 'password';
const byAccessKey = (a: Partial<Answers>) => a.method === 'aksk';
const steps: FlowStep<Answers>[] = [
  { id: 'method' },
  { id: 'user', when: byPassword },
  { id: 'password', when: byPassword },
  { id: 'ak', when: byAccessKey },
  { id: 'region' },
];

describe('StepFlow: the step logic of a multi-step question flow', () => {
  it('asks the steps in order, counting only those that apply to the answers so far', () => {
    const flow = new StepFlow<Answers>(steps);
    // Before the method is known, neither branch applies: the counter grows once it is.
    assert.deepEqual([flow.current()?.id, flow.position(), flow.canGoBack()], ['method', { step: 1, totalSteps: 2 }, false]);
    flow.answer('password');
    assert.deepEqual([flow.current()?.id, flow.position(), flow.canGoBack()], ['user', { step: 2, totalSteps: 4 }, true]);
    flow.answer('alice');
    flow.answer('secret');
    assert.deepEqual([flow.current()?.id, flow.position()], ['region', { step: 4, totalSteps: 4 }]);
    flow.answer('cn-north-4');
    assert.equal(flow.current(), undefined);
    assert.deepEqual(flow.result(), { method: 'password', user: 'alice', password: 'secret', region: 'cn-north-4' });
  });

  it('Back returns to the step answered last and keeps every answer given', () => {
    const flow = new StepFlow<Answers>(steps);
    flow.answer('password');
    flow.answer('alice');
    assert.equal(flow.back(), true);
    assert.deepEqual([flow.current()?.id, flow.position(), flow.previous('user')], ['user', { step: 2, totalSteps: 4 }, 'alice']);
    assert.equal(flow.back(), true);
    assert.deepEqual([flow.current()?.id, flow.previous('method')], ['method', 'password']);
    assert.equal(flow.back(), false, 'no Back on the first step');
    assert.equal(flow.current()?.id, 'method');
  });

  it('a changed branch answer takes the other branch; the result leaves the abandoned branch out', () => {
    const flow = new StepFlow<Answers>(steps);
    flow.answer('password');
    flow.answer('alice');
    flow.back();
    flow.back();
    flow.answer('aksk');
    assert.deepEqual([flow.current()?.id, flow.position()], ['ak', { step: 2, totalSteps: 3 }]);
    flow.answer('AKID');
    flow.answer('cn-east-3');
    assert.deepEqual(flow.result(), { method: 'aksk', ak: 'AKID', region: 'cn-east-3' });
    assert.equal(flow.answers().user, 'alice', "the other branch's answer is still kept, should the user come back");
  });

  it('skips leading steps that do not apply, and refuses an answer after the end', () => {
    const flow = new StepFlow<Answers>([{ id: 'user', when: () => false }, { id: 'region' }]);
    assert.deepEqual([flow.current()?.id, flow.position()], ['region', { step: 1, totalSteps: 1 }]);
    flow.answer('cn-north-4');
    assert.throws(() => flow.answer('again'), /complete/);
  });
});
