import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT as root } from '../support/repoRoot';

// The message bundles (src/vscode/l10n/*.zh-cn.json) are checked key by key in l10nBundles.test.ts.
describe('Simplified Chinese UI', () => {
  it('translates every manifest string, and the manifest uses no undefined key', () => {
    const en = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const zh = JSON.parse(readFileSync(join(root, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const used = [...manifest.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    assert.deepEqual(
      used.filter((k) => !(k in en)),
      [],
    );
  });
});
