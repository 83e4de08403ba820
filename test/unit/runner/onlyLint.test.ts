/** The lint stage rejects a `.only` on describe/it/context/suite/test/specify (eslint.config.mjs). */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { REPO_ROOT, runNode } from './childRun';

const ESLINT = join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

const SAMPLE = [
  "describe.only('a', () => {});",
  "context.only('b', () => {});",
  "suite.only('c', () => {});",
  "it.only('d', () => {});",
  "test.only('e', () => {});",
  "specify.only('f', () => {});",
  "it('g', () => {});",
  'const options = { only: [1] };',
  'export const stages = options.only;',
].join('\n');

interface LintResult {
  messages: { ruleId: string | null; line: number; message: string }[];
}

describe('runner: the lint rule against .only', function () {
  this.timeout(60_000);

  it('eslint reports each .only of a test file, and nothing else', async () => {
    // A file name under test/ that does not exist: eslint lints stdin with that file's configuration.
    const args = [ESLINT, '--stdin', '--stdin-filename', 'test/unit/runner/sample-with-only.test.ts', '--format', 'json'];
    const { code, stdout, stderr } = await runNode(args, { stdin: SAMPLE });
    assert.equal(code, 1, `eslint should fail: ${stderr}${stdout}`);
    const [result] = JSON.parse(stdout) as LintResult[];
    assert.deepEqual(
      result.messages.map((m) => [m.line, m.ruleId]),
      [1, 2, 3, 4, 5, 6].map((line) => [line, 'no-restricted-properties']),
      JSON.stringify(result.messages),
    );
    assert.match(result.messages[3].message, /it\.only runs this test alone and silently drops every other one/);
  });
});
