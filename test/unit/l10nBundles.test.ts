/**
 * The Simplified Chinese bundles (src/vscode/l10n/*.zh-cn.json) against the English templates the code uses, key by
 * key: nothing missing, nothing unused, the same placeholders, and no term the glossary (src/vscode/l10n/GLOSSARY.md)
 * forbids. The glossary is the one source of the forbidden terms: this test reads them from its table.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT as root } from '../support/repoRoot';

const L10N_DIR = join(root, 'src/vscode/l10n');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** English templates used in the code: vscode.l10n.t('…') and the core's msg('…'), with the first file using each. */
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

/** Each zh-cn bundle file with its entries (esbuild.mjs merges them into dist/l10n/bundle.l10n.zh-cn.json). */
function zhFiles(): { file: string; entries: Record<string, string> }[] {
  return readdirSync(L10N_DIR)
    .filter((f) => f.endsWith('.zh-cn.json'))
    .sort()
    .map((f) => ({ file: `src/vscode/l10n/${f}`, entries: JSON.parse(readFileSync(join(L10N_DIR, f), 'utf8')) as Record<string, string> }));
}

function manifestStrings(lang: '' | '.zh-cn'): Record<string, string> {
  return JSON.parse(readFileSync(join(root, `package.nls${lang}.json`), 'utf8')) as Record<string, string>;
}

/** Placeholders such as {0} {1}, sorted, repeats kept. */
function placeholders(s: string): string {
  return [...s.matchAll(/\{(\d+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');
}

const backticked = (s: string) => [...s.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

/** The glossary's "Do not use" terms and its allowed phrases (which may contain a forbidden term). */
function glossary(text = readFileSync(join(L10N_DIR, 'GLOSSARY.md'), 'utf8')): { forbidden: string[]; allowed: string[] } {
  const lines = text.split('\n');
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
  const header = lines.findIndex((l) => l.trim().startsWith('|') && cells(l).includes('Do not use'));
  assert.ok(header >= 0, 'GLOSSARY.md has a table with a "Do not use" column');
  const column = cells(lines[header]).indexOf('Do not use');
  const forbidden: string[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.trim().startsWith('|')) break;
    forbidden.push(...backticked(cells(line)[column] ?? ''));
  }
  const start = lines.findIndex((l) => /^##\s+Allowed phrases/i.test(l));
  const allowed: string[] = [];
  if (start >= 0) {
    for (const line of lines.slice(start + 1)) {
      if (/^##\s/.test(line)) break;
      if (/^\s*[-*]\s/.test(line)) allowed.push(...backticked(line.split(/\s[—–-]\s/)[0]));
    }
  }
  return { forbidden, allowed };
}

/** The forbidden terms found in a value, after its allowed phrases are taken out (longest first). */
function forbiddenTermsIn(value: string, g: { forbidden: string[]; allowed: string[] }): string[] {
  let rest = value;
  for (const phrase of [...g.allowed].sort((a, b) => b.length - a.length)) rest = rest.split(phrase).join('\u0000');
  return g.forbidden.filter((term) => rest.includes(term));
}

describe('Simplified Chinese bundles, key by key', () => {
  const source = templatesInSource();
  const files = zhFiles();

  it('finds the templates, the bundles and the glossary (guards the checks below against reading nothing)', () => {
    assert.ok(source.size > 300, `only ${source.size} templates found in src`);
    assert.ok(files.length > 5);
    const g = glossary();
    for (const term of ['凭证', '终结点', '你', '追踪', '配置']) assert.ok(g.forbidden.includes(term), `the glossary forbids ${term}`);
    assert.ok(g.allowed.includes('配置档'));
  });

  it('every English template in src has a translation', () => {
    const translated = new Set(files.flatMap((f) => Object.keys(f.entries)));
    const missing = [...source].filter(([t]) => !translated.has(t)).map(([t, file]) => `${file}: ${JSON.stringify(t)}`);
    assert.deepEqual(missing, [], `untranslated templates:\n${missing.join('\n')}`);
  });

  it('no bundle holds a key that no source uses', () => {
    const unused = files.flatMap((f) =>
      Object.keys(f.entries)
        .filter((k) => !source.has(k))
        .map((k) => `${f.file}: ${JSON.stringify(k)}`),
    );
    assert.deepEqual(unused, [], `unused translations (delete them):\n${unused.join('\n')}`);
  });

  it('a key in two bundles has the same translation in both (esbuild.mjs refuses to merge them otherwise)', () => {
    const seen = new Map<string, { file: string; value: string }>();
    const clashes: string[] = [];
    for (const f of files) {
      for (const [k, v] of Object.entries(f.entries)) {
        const first = seen.get(k);
        if (first && first.value !== v) clashes.push(`${JSON.stringify(k)}: ${first.file} and ${f.file}`);
        if (!first) seen.set(k, { file: f.file, value: v });
      }
    }
    assert.deepEqual(clashes, []);
  });

  it('each translation has the same placeholders as its key', () => {
    const wrong = files.flatMap((f) =>
      Object.entries(f.entries)
        .filter(([en, zh]) => placeholders(en) !== placeholders(zh))
        .map(([en, zh]) => `${f.file}: ${JSON.stringify(en)} → ${JSON.stringify(zh)}`),
    );
    const en = manifestStrings('');
    const zh = manifestStrings('.zh-cn');
    for (const [key, value] of Object.entries(zh)) {
      if (key in en && placeholders(en[key]) !== placeholders(value)) wrong.push(`package.nls.zh-cn.json: ${key}`);
    }
    assert.deepEqual(wrong, [], `placeholders differ:\n${wrong.join('\n')}`);
  });

  it('no Chinese string uses a term the glossary forbids', () => {
    const g = glossary();
    const values = [
      ...files.flatMap((f) => Object.entries(f.entries).map(([k, v]) => ({ where: `${f.file}: ${JSON.stringify(k)}`, v }))),
      ...Object.entries(manifestStrings('.zh-cn')).map(([k, v]) => ({ where: `package.nls.zh-cn.json: ${k}`, v })),
    ];
    const offending = values.flatMap(({ where, v }) => {
      const terms = forbiddenTermsIn(v, g);
      return terms.length ? [`${where} uses ${terms.join(', ')}: ${v}`] : [];
    });
    assert.deepEqual(offending, [], `see src/vscode/l10n/GLOSSARY.md:\n${offending.join('\n')}`);
  });

  it('the glossary check itself: a forbidden term is found unless it is part of an allowed phrase', () => {
    const g = { forbidden: ['配置', '退出'], allowed: ['配置档', '配置文件', '退出码'] };
    assert.deepEqual(forbiddenTermsIn('打开 cocli 配置文件，选择配置档', g), []);
    assert.deepEqual(forbiddenTermsIn('[退出码 1] 请选择配置', g), ['配置']);
    assert.deepEqual(forbiddenTermsIn('已退出华为云', g), ['退出']);
  });
});
