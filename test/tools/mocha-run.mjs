// node mocha-run.mjs <dir> [--grep pattern] [--timeout ms]
// Runs every *.test.js under <dir> with the spec reporter and writes {passed, failed, pending,
// failures[]} to $COSCENE_TEST_RESULT so run-all.mjs can add up the counts.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Mocha from 'mocha';
import { ROOT } from './paths.mjs';

/** out/x/y.test.js → x/y.test.ts: compiled tests whose source was deleted are stale, not run. */
function hasSource(compiled) {
  const fromOut = relative(join(ROOT, 'out'), compiled);
  return fromOut.startsWith('..') || existsSync(join(ROOT, fromOut.replace(/\.js$/, '.ts')));
}

function findTestFiles(dir, depth = 0) {
  if (depth > 8) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return findTestFiles(full, depth + 1);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

function parseArgs(argv) {
  const options = { dir: undefined, grep: undefined, timeout: 10_000 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep') options.grep = argv[++i];
    else if (argv[i] === '--timeout') options.timeout = Number(argv[++i]);
    else options.dir = resolve(argv[i]);
  }
  if (!options.dir) throw new Error('usage: mocha-run.mjs <dir> [--grep pattern] [--timeout ms]');
  return options;
}

const options = parseArgs(process.argv.slice(2));
const files = findTestFiles(options.dir).filter(hasSource).sort();
const summary = { passed: 0, failed: 0, pending: 0, failures: [] };
if (files.length === 0) {
  summary.failed = 1;
  summary.failures.push({ title: options.dir, message: 'no *.test.js files found' });
}
const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: options.timeout, grep: options.grep });
for (const file of files) mocha.addFile(file);
await mocha.loadFilesAsync();
const runner = mocha.run(() => {
  if (process.env.COSCENE_TEST_RESULT) writeFileSync(process.env.COSCENE_TEST_RESULT, JSON.stringify(summary, null, 2));
  process.exitCode = summary.failed > 0 ? 1 : 0;
});
runner.on('pass', () => summary.passed++);
runner.on('pending', () => summary.pending++);
runner.on('fail', (test, error) => {
  summary.failed++;
  summary.failures.push({ title: test.fullTitle(), message: String(error?.message ?? error) });
});
