// Entry point the VS Code extension host calls (extensionTestsPath): runs every compiled
// out/test/integration/**/*.test.js with mocha and writes a JSON summary to $COSCENE_TEST_RESULT.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

interface Summary {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; message: string }[];
}

function findTestFiles(dir: string, depth = 0): string[] {
  if (depth > 8) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTestFiles(full, depth + 1);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

/** Compiled tests whose .ts source was deleted linger in out/; they are not run. */
function hasSource(compiled: string): boolean {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const fromOut = path.relative(path.join(repoRoot, 'out'), compiled);
  return fs.existsSync(path.join(repoRoot, fromOut.replace(/\.js$/, '.ts')));
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, grep: process.env.COSCENE_TEST_GREP || undefined });
  for (const file of findTestFiles(__dirname).filter(hasSource).sort()) mocha.addFile(file);
  const summary: Summary = { passed: 0, failed: 0, pending: 0, failures: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const resultFile = process.env.COSCENE_TEST_RESULT;
      if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(summary, null, 2));
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => summary.passed++);
    runner.on('pending', () => summary.pending++);
    runner.on('fail', (test, error: Error) => {
      summary.failed++;
      summary.failures.push({ title: test.fullTitle(), message: String(error?.message ?? error) });
    });
  });
}
