/** A copied registry password leaves the clipboard after 60 s unless something else replaced it. */
import * as assert from 'node:assert/strict';
import { CLIPBOARD_SECRET_MS, ClipboardExpiry, type StartTimer } from '../../../src/core/clipboardExpiry';

function setup() {
  const clipboard = {
    text: '',
    readText: async () => clipboard.text,
    writeText: async (v: string) => {
      clipboard.text = v;
    },
  };
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const startTimer: StartTimer = (run, ms) => {
    const t = { run, ms, cancelled: false };
    timers.push(t);
    return () => {
      t.cancelled = true;
    };
  };
  const fire = async (i: number): Promise<void> => {
    if (!timers[i].cancelled) timers[i].run();
    await new Promise((r) => setImmediate(r));
  };
  return { clipboard, timers, fire, expiry: new ClipboardExpiry(clipboard, CLIPBOARD_SECRET_MS, startTimer) };
}

describe('ClipboardExpiry: a copied registry password leaves the clipboard', () => {
  it('clears the copied password after 60 s', async () => {
    const { clipboard, timers, fire, expiry } = setup();
    await expiry.copy('s3cret-pass');
    assert.equal(clipboard.text, 's3cret-pass');
    assert.equal(timers[0].ms, 60_000);
    await fire(0);
    assert.equal(clipboard.text, '');
  });

  it('leaves text the user copied since', async () => {
    const { clipboard, fire, expiry } = setup();
    await expiry.copy('s3cret-pass');
    clipboard.text = 'my own notes';
    await fire(0);
    assert.equal(clipboard.text, 'my own notes');
  });

  it('a second copy restarts the clock for the new password; dispose clears it at once', async () => {
    const { clipboard, timers, fire, expiry } = setup();
    await expiry.copy('first-pass');
    await expiry.copy('second-pass');
    assert.equal(timers[0].cancelled, true);
    await fire(0);
    assert.equal(clipboard.text, 'second-pass');
    expiry.dispose();
    await new Promise((r) => setImmediate(r));
    assert.equal(clipboard.text, '');
    assert.equal(timers[1].cancelled, true);
  });
});
