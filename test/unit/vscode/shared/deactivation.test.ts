import * as assert from 'node:assert/strict';
import { finishBeforeDeactivate, runFinishers } from '../../../../src/vscode/shared/deactivation';

describe('deactivate waits for what must finish first (a clipboard clear), bounded', () => {
  it('awaits every registered finisher, and none once it is disposed', async () => {
    const done: string[] = [];
    const slow = finishBeforeDeactivate(() => new Promise((r) => setTimeout(() => r(done.push('slow')), 100)));
    const failing = finishBeforeDeactivate(async () => {
      done.push('failing');
      throw new Error('no clipboard');
    });
    await runFinishers();
    assert.deepEqual(done.sort(), ['failing', 'slow']);
    slow.dispose();
    failing.dispose();
    done.length = 0;
    await runFinishers();
    assert.deepEqual(done, []);
  });

  it('a finisher that never settles holds deactivate only up to the bound', async () => {
    const hung = finishBeforeDeactivate(() => new Promise(() => undefined));
    const started = Date.now();
    await runFinishers(150);
    hung.dispose();
    const waited = Date.now() - started;
    assert.ok(waited >= 140 && waited < 2_000, `waited ${waited} ms`);
  });
});
