/**
 * A `.only` left in a test makes every other test vanish while the run stays green. Under CI=true the
 * runner (test/support/mochaRunner.ts, behind mocha-run.mjs for unit and e2e and behind the integration entry)
 * refuses it. The test files with `.only` are written at run time into a temp folder: a fixture in the repository
 * would be linted (and a *.test.ts one picked up by the unit glob).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Summary } from '../../support/mochaRunner';
import { cleanEnv, REPO_ROOT, runNode } from './childRun';

const MOCHA_RUN = join(REPO_ROOT, 'test', 'tools', 'mocha-run.mjs');

const IT_ONLY = [
  "describe('fixture', () => {",
  "  it.only('the only test', () => {});",
  "  it('a test the .only drops', () => {});",
  '});',
];
const DESCRIBE_ONLY = [
  "describe.only('chosen', () => {",
  "  it('runs', () => {});",
  '});',
  "describe('dropped', () => {",
  "  it('never runs', () => {});",
  '});',
];

describe('runner: .only under CI=true', function () {
  this.timeout(30_000);
  let dir: string;

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'coscene-forbid-only-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** mocha-run.mjs on a folder holding one test file; its exit code, output and summary. */
  async function mochaRun(lines: string[], env: NodeJS.ProcessEnv) {
    writeFileSync(join(dir, 'only.test.js'), lines.join('\n'));
    const resultFile = join(dir, 'result.json');
    const end = await runNode([MOCHA_RUN, dir], { env: cleanEnv({ ...env, COSCENE_TEST_RESULT: resultFile }) });
    return { ...end, summary: JSON.parse(readFileSync(resultFile, 'utf8')) as Summary };
  }

  it('fails the run with CI=true: exit code 1, no test run, a failure naming the file and the .only', async () => {
    const { code, stderr, summary } = await mochaRun(IT_ONLY, { CI: 'true' });
    assert.equal(code, 1, stderr);
    assert.equal(summary.passed, 0);
    assert.equal(summary.failed, 1);
    assert.equal(summary.failures[0].title, `.only in ${join(dir, 'only.test.js')}`);
    assert.match(
      summary.failures[0].message,
      /^\.only \(describe, it, context, suite, test\) is forbidden under CI=true: it silently drops every other test/,
    );
    assert.match(stderr, /\.only .* is forbidden under CI=true/, 'said on the console too');
  });

  it('refuses describe.only as well', async () => {
    const { code, summary } = await mochaRun(DESCRIBE_ONLY, { CI: 'true' });
    assert.equal(code, 1);
    assert.deepEqual([summary.passed, summary.failed], [0, 1]);
    assert.match(summary.failures[0].message, /forbidden under CI=true/);
  });

  it('without CI the .only runs alone and the run passes: the silent loss CI must not let through', async () => {
    const { code, stderr, summary } = await mochaRun(IT_ONLY, {});
    assert.equal(code, 0, stderr);
    assert.deepEqual([summary.passed, summary.failed, summary.skipped], [1, 0, 0]);
  });
});
