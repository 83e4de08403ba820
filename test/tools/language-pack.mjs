// A minimal Simplified Chinese language pack for the UI tests. VS Code switches its display language (and with it
// vscode.env.language, the extension's package.nls.zh-cn.json and l10n bundle) only when a language pack for that
// locale is installed, and none can be downloaded here. This one translates nothing of VS Code itself: the workbench
// chrome stays English, everything coScene Access shows comes out in Chinese.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

/** Builds the language pack as a vsix in `dir`; returns its path. */
export function buildChineseLanguagePack(dir) {
  const src = join(dir, 'zh-cn-language-pack');
  mkdirSync(join(src, 'translations'), { recursive: true });
  const manifest = {
    name: 'coscene-test-language-pack-zh-cn',
    displayName: 'Chinese (Simplified) language pack for the coScene Access UI tests',
    description: 'Switches the display language to zh-cn; translates nothing of VS Code.',
    publisher: 'coscene-test',
    version: '1.0.0',
    license: 'MIT',
    repository: { type: 'git', url: 'https://example.invalid/none' },
    engines: { vscode: '^1.96.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        {
          languageId: 'zh-cn',
          languageName: 'Chinese Simplified',
          localizedLanguageName: '中文(简体)',
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        },
      ],
    },
  };
  writeFileSync(join(src, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(src, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(src, 'README.md'), `# ${manifest.displayName}\n\n${manifest.description}\n`);
  writeFileSync(join(src, 'LICENSE'), 'MIT\n');
  const vsix = join(dir, 'zh-cn-language-pack.vsix');
  const result = spawnSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '-o', vsix], {
    cwd: src,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`building the zh-cn language pack failed: ${result.stderr || result.stdout}`);
  return vsix;
}

/**
 * VS Code finds language packs through <user-data-dir>/languagepacks.json, which its language pack service writes
 * only once something asks it for the available languages (the "Configure Display Language" picker) — too late for
 * the first start. Writes the entry it would write for the installed pack, so `--locale zh-cn` takes effect at once.
 */
export function registerChineseLanguagePack(dirs) {
  const folder = readdirSync(dirs.extensions).find((name) => name.startsWith('coscene-test.coscene-test-language-pack-zh-cn-'));
  if (!folder) throw new Error(`the zh-cn language pack is not installed in ${dirs.extensions}`);
  const translations = join(dirs.extensions, folder, 'translations', 'main.i18n.json');
  const entry = {
    hash: createHash('md5')
      .update(`${folder}:${statSync(translations).mtimeMs}`)
      .digest('hex'),
    extensions: [{ extensionIdentifier: { id: 'coscene-test.coscene-test-language-pack-zh-cn' }, version: '1.0.0' }],
    translations: { vscode: translations },
    label: '中文(简体)',
  };
  writeFileSync(join(dirs.userData, 'languagepacks.json'), JSON.stringify({ 'zh-cn': entry }));
}
