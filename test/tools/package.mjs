// The package stage of `npm test`: builds dist/coscene-access.vsix like `npm run package`, then holds it to the
// Marketplace bar: vsce prints no warning, and the package lists only files the extension needs at run time.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, VSIX } from './paths.mjs';

const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
/** What may ship: the bundles, translations, manifest and its strings, README, CHANGELOG, LICENSE, icons and walkthrough media. */
const RUNTIME_FILE =
  /^(dist\/(extension|undici|yaml)\.js|dist\/l10n\/bundle\.l10n\.[\w-]+\.json|package(\.nls(\.[\w-]+)?)?\.json|README\.md|CHANGELOG\.md|LICENSE|media\/[\w./-]+\.(png|svg|md))$/;

function vsce(args) {
  const result = spawnSync(process.execPath, [VSCE, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 5 * 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  return { code: result.status, output: `${result.stdout ?? ''}\n${result.stderr ?? ''}`, stdout: result.stdout ?? '' };
}

export function packageChecks() {
  const problems = [];
  const packaged = vsce(['package', '--no-dependencies', '-o', VSIX]);
  if (packaged.code !== 0) problems.push(`vsce package: exit code ${packaged.code}`);
  const warnings = packaged.output.split('\n').filter((line) => /\bWARNING\b/i.test(line));
  if (warnings.length) problems.push(`vsce package warned: ${warnings.join(' | ')}`);
  const listed = vsce(['ls', '--no-dependencies']);
  const files = listed.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const extra = files.filter((f) => !RUNTIME_FILE.test(f));
  if (listed.code !== 0) problems.push(`vsce ls: exit code ${listed.code}`);
  if (extra.length) problems.push(`not a runtime file in the package: ${extra.join(', ')}`);
  if (!files.includes('dist/extension.js')) problems.push('dist/extension.js is not in the package');
  return problems;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const problems = packageChecks();
  for (const p of problems) console.error(`✗ ${p}`);
  process.exitCode = problems.length ? 1 : 0;
}
