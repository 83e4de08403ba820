import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT as root } from '../support/repoRoot';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** English templates used in the code: vscode.l10n.t('…') and the core's msg('…'). */
function templatesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const re = /(?:l10n\.t|\bmsg)\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g;
  for (const file of walk(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(re)) {
      if (m[1] === '`' && m[2].includes('${')) continue; // dynamic, cannot be looked up
      const template = m[2].replace(/\\(['"`\\])/g, '$1').replace(/\\n/g, '\n');
      if (!found.has(template)) found.set(template, file.slice(root.length + 1));
    }
  }
  return found;
}

function zhBundle(): Record<string, string> {
  const dir = join(root, 'src/vscode/l10n');
  const bundle: Record<string, string> = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.zh-cn.json'))) {
    Object.assign(bundle, JSON.parse(readFileSync(join(dir, f), 'utf8')));
  }
  return bundle;
}

describe('Simplified Chinese UI', () => {
  it('translates every message template the code shows', () => {
    const bundle = zhBundle();
    const missing = [...templatesInSource()].filter(([t]) => !(t in bundle)).map(([t, f]) => `${f}: ${t}`);
    assert.deepEqual(missing, [], `untranslated templates:\n${missing.join('\n')}`);
  });

  it('keeps the same placeholders in each translation', () => {
    const bundle = zhBundle();
    const placeholders = (s: string) =>
      [...s.matchAll(/\{(\d+)\}/g)]
        .map((m) => m[1])
        .sort()
        .join(',');
    const wrong = Object.entries(bundle)
      .filter(([en, zh]) => placeholders(en) !== placeholders(zh))
      .map(([en]) => en);
    assert.deepEqual(wrong, []);
  });

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
