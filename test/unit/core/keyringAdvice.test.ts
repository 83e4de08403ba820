/**
 * The no-keyring advice must not defeat the keyring. `--password-store=basic` only obfuscates with a fixed key, so no
 * message (English or Chinese) may recommend it or promise that nothing is in plain text.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { keyringUnavailable } from '../../../src/core/keyring';
import { REPO_ROOT as root } from '../../support/repoRoot';

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

function zhBundle(): Record<string, string> {
  return Object.assign(
    {},
    ...filesUnder(join(root, 'src/vscode/l10n'), '.zh-cn.json').map((f) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>),
  );
}

describe('keyring advice never recommends the basic password store', () => {
  it('no source file or translation recommends the basic password store or promises "nothing in plain text"', () => {
    const texts = [
      ...filesUnder(join(root, 'src'), '.ts'),
      ...filesUnder(join(root, 'src'), '.json'),
      join(root, 'package.nls.json'),
      join(root, 'package.nls.zh-cn.json'),
    ].map((f) => ({ f: f.slice(root.length + 1), text: readFileSync(f, 'utf8') }));
    const offending = texts
      .filter(({ text }) => /password-store=basic|"basic"|nothing was saved in plain text|没有以明文保存/i.test(text))
      .map(({ f }) => f);
    assert.deepEqual(offending, []);
  });

  it('says nothing was saved and what to install, in English and Chinese', () => {
    const { template } = keyringUnavailable();
    for (const text of [template, zhBundle()[template]]) {
      assert.ok(text, 'the message has a Chinese translation');
      assert.match(text, /gnome-keyring/);
      assert.match(text, /KWallet/);
      assert.match(text, /gnome-libsecret/);
      assert.doesNotMatch(text, /basic/);
    }
    assert.match(template, /not saved/);
  });
});
