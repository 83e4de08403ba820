// One way to run compiled mocha tests and count them, for the plain-Node stages (test/tools/mocha-run.mjs:
// unit and e2e) and the extension host (test/integration/index.ts). The summary names every skipped test and why,
// so the runner can count them and fail them under CI=true. Every mocha of these entries is made here, and under
// CI=true it forbids `.only`: one left in a test would drop every other test and leave the run green.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { REPO_ROOT } from './repoRoot';

export interface SkippedTest {
  title: string;
  reason?: string;
}

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  failures: { title: string; message: string }[];
  skippedTests: SkippedTest[];
}

/** Compiled tests whose .ts source was deleted linger in out/; they are not run. */
function hasSource(compiled: string): boolean {
  const fromOut = path.relative(path.join(REPO_ROOT, 'out'), compiled);
  return fromOut.startsWith('..') || fs.existsSync(path.join(REPO_ROOT, fromOut.replace(/\.js$/, '.ts')));
}

/** Every compiled *.test.js under `dir` (bounded depth) that still has its source, sorted. */
export function testFiles(dir: string): string[] {
  const walk = (d: string, depth: number): string[] => {
    if (depth > 8) return [];
    return fs.readdirSync(d, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) return walk(full, depth + 1);
      return entry.name.endsWith('.test.js') ? [full] : [];
    });
  };
  return walk(dir, 0).filter(hasSource).sort();
}

interface WithReason {
  skipReason?: string;
  parent?: WithReason;
}

/**
 * Skips the current test, or every test of the suite when called in a `before` hook, and records why:
 * the runner prints the reason, and under CI=true fails the skipped tests naming it.
 */
export function skipBecause(ctx: Mocha.Context, reason: string): never {
  const runnable = ctx.test as (WithReason & { type?: string }) | undefined;
  const target = runnable?.type === 'hook' ? runnable.parent : runnable;
  if (target) target.skipReason = reason;
  console.warn(`    skipped: ${reason}`);
  ctx.skip();
}

function reasonOf(test: WithReason): string | undefined {
  for (let node: WithReason | undefined = test; node; node = node.parent) if (node.skipReason) return node.skipReason;
  return undefined;
}

/** `.only` fails the run under CI=true (as `.ci/run` sets): in every entry, whatever the caller passed. */
export function forbidOnlyUnderCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true';
}

/** `out/test/x.test.js` → `test/x.test.ts` when that source exists, else the path from the repository root. */
function displayPath(compiled: string): string {
  const fromRoot = path.relative(REPO_ROOT, compiled);
  const fromOut = path.relative(path.join(REPO_ROOT, 'out'), compiled);
  if (fromOut.startsWith('..') || path.isAbsolute(fromOut)) return fromRoot.startsWith('..') ? compiled : fromRoot;
  const source = fromOut.replace(/\.js$/, '.ts');
  return fs.existsSync(path.join(REPO_ROOT, source)) ? source : fromRoot;
}

interface Failure {
  title: string;
  message: string;
}

function loadFailure(error: unknown, file: string | undefined): Failure {
  const where = file ? displayPath(file) : 'the test files';
  if ((error as { code?: string } | undefined)?.code === 'ERR_MOCHA_FORBIDDEN_EXCLUSIVITY')
    return {
      title: `.only in ${where}`,
      message: `.only (describe, it, context, suite, test) is forbidden under CI=true: it silently drops every other test. Remove it from ${where}.`,
    };
  return { title: `loading ${where}`, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

/** A mocha with `files` loaded, or why loading failed (a `.only` under CI=true, a throwing test file). */
async function loadMocha(files: readonly string[], options: Mocha.MochaOptions): Promise<{ mocha: Mocha; failure?: Failure }> {
  const mocha = new Mocha({ ...options, forbidOnly: options.forbidOnly === true || forbidOnlyUnderCi() });
  let loading: string | undefined;
  mocha.suite.on('pre-require', (_context, file) => (loading = file));
  for (const file of files) mocha.addFile(file);
  try {
    await mocha.loadFilesAsync();
    return { mocha };
  } catch (error) {
    return { mocha, failure: loadFailure(error, loading) };
  }
}

export async function runMocha(files: readonly string[], options: Mocha.MochaOptions): Promise<Summary> {
  const summary: Summary = { passed: 0, failed: 0, skipped: 0, failures: [], skippedTests: [] };
  if (files.length === 0) {
    summary.failed = 1;
    summary.failures.push({ title: 'test files', message: 'no *.test.js file found' });
    return summary;
  }
  const { mocha, failure } = await loadMocha(files, options);
  if (failure) {
    console.error(`\n  ✗ ${failure.title}: ${failure.message}\n`);
    summary.failed = 1;
    summary.failures.push(failure);
    return summary;
  }
  return new Promise<Summary>((resolve) => {
    const runner = mocha.run(() => resolve(summary));
    runner.on('pass', () => summary.passed++);
    runner.on('pending', (test) => {
      summary.skipped++;
      summary.skippedTests.push({ title: test.fullTitle(), reason: reasonOf(test as unknown as WithReason) });
    });
    runner.on('fail', (test, error: Error) => {
      summary.failed++;
      summary.failures.push({ title: test.fullTitle(), message: String(error?.message ?? error) });
    });
  });
}

export interface ListedTest {
  /** The compiled file, absolute. */
  file: string;
  /** Suite titles from the top, then the test's own. */
  titlePath: string[];
  /** Whether `options.grep` (read as mocha reads it: a string is a RegExp source, `/re/flags` too) selects it. */
  selected: boolean;
}

/** Loads `files` without running anything: every test, and whether the grep selects it. Throws when loading fails. */
export async function listTests(files: readonly string[], options: Mocha.MochaOptions): Promise<ListedTest[]> {
  const { mocha, failure } = await loadMocha(files, options);
  if (failure) throw new Error(`${failure.title}: ${failure.message}`);
  const grep = mocha.options.grep instanceof RegExp ? mocha.options.grep : undefined;
  const invert = mocha.options.invert === true;
  const listed: ListedTest[] = [];
  const walk = (suite: Mocha.Suite): void => {
    for (const test of suite.tests)
      listed.push({
        file: test.file ?? '',
        titlePath: test.titlePath(),
        selected: grep ? grep.test(test.fullTitle()) !== invert : true,
      });
    suite.suites.forEach(walk);
  };
  walk(mocha.suite);
  return listed;
}

export function writeSummary(file: string | undefined, summary: Summary): void {
  if (file) fs.writeFileSync(file, JSON.stringify(summary, null, 2));
}
