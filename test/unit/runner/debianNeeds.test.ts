/**
 * A unit run with --grep installs Debian packages only when it selects a unit test that needs them
 * (test/tools/debian.mjs UNIT_SUITES_NEEDING_DEBIAN). The list must follow renames: each entry names a suite with tests.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, runNode } from './childRun';

const DEBIAN = pathToFileURL(join(REPO_ROOT, 'test', 'tools', 'debian.mjs')).href;

interface Needs {
  selected: { file: string; suite: string; packages: string[] }[];
  stale: string[];
}

/** unitSuitesNeedingDebian(grep) for each grep, in one child (the tooling is plain ESM). */
async function needsFor(greps: (string | null)[]): Promise<{ all: string[]; needs: Needs[] }> {
  const script = `
    import { UNIT_SUITES_NEEDING_DEBIAN, unitSuitesNeedingDebian } from ${JSON.stringify(DEBIAN)};
    const greps = ${JSON.stringify(greps)};
    console.log(JSON.stringify({ all: UNIT_SUITES_NEEDING_DEBIAN.map((e) => e.file), needs: greps.map((g) => unitSuitesNeedingDebian(g ?? undefined)) }));`;
  const { code, stdout, stderr } = await runNode(['--input-type=module', '-e', script]);
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as { all: string[]; needs: Needs[] };
}

describe('runner: which unit tests need Debian packages', function () {
  this.timeout(60_000);
  let all: string[];
  let needs: Needs[];

  before(async () => {
    ({ all, needs } = await needsFor([null, 'redact', 'logs in with the password on stdin', '^interop: .* errors']));
  });

  it('every entry of the list names an existing suite with tests, and a run without --grep selects them all', () => {
    const [noGrep] = needs;
    assert.deepEqual(noGrep.stale, []);
    assert.deepEqual(
      noGrep.selected.map((e) => e.file),
      all,
    );
  });

  it('a --grep that selects none of their tests needs no Debian package', () => {
    assert.deepEqual(needs[1], { selected: [], stale: [] });
  });

  it("a --grep on one test's own title selects its suite's packages, and only those (mocha's grep rules)", () => {
    assert.deepEqual(
      needs[2].selected.map((e) => e.packages),
      [['docker-registry', 'apache2-utils']],
    );
    assert.deepEqual(
      needs[3].selected.map((e) => e.packages),
      [['openssl']],
    );
  });
});
