// One way to run compiled mocha tests and count them, for the plain-Node stages (test/tools/mocha-run.mjs)
// and the extension host (test/integration/index.ts). The summary names every skipped test and why,
// so the runner can count them and fail them under CI=true.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

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

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

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

export function runMocha(files: readonly string[], options: Mocha.MochaOptions): Promise<Summary> {
  const summary: Summary = { passed: 0, failed: 0, skipped: 0, failures: [], skippedTests: [] };
  if (files.length === 0) {
    summary.failed = 1;
    summary.failures.push({ title: 'test files', message: 'no *.test.js file found' });
    return Promise.resolve(summary);
  }
  const mocha = new Mocha(options);
  for (const file of files) mocha.addFile(file);
  return mocha.loadFilesAsync().then(
    () =>
      new Promise<Summary>((resolve) => {
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
      }),
  );
}

export function writeSummary(file: string | undefined, summary: Summary): void {
  if (file) fs.writeFileSync(file, JSON.stringify(summary, null, 2));
}
