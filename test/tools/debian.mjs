// Installs the Debian packages the VS Code host and the tests need, only when some are missing. A unit run with
// --grep installs only what the unit tests it selects need (ensureDebianPackagesForUnitTests), often nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { MOCHA_RUN, ROOT } from './paths.mjs';

/**
 * chromium: UI tests; fonts-wqy-microhei: Chinese glyphs in the zh-CN window's screenshots; openssl: the interop suite's
 * throw-away CA; libkrb5-dev: code-server's kerberos build; the rest: registry tests.
 */
export const DEBIAN_PACKAGES = ['chromium', 'fonts-wqy-microhei', 'openssl', 'libkrb5-dev', 'docker-registry', 'apache2-utils'];
/** Debian's docker CLI (bookworm has no separate docker-cli package); installed only when no docker or podman is on PATH. */
export const CONTAINER_CLIENT_PACKAGE = 'docker.io';

function isInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function apt(args) {
  const result = spawnSync('apt-get', args, {
    stdio: 'inherit',
    timeout: 10 * 60_000,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
}

/** The tests' own finder (compiled by `tsc -p .`), so tooling and tests agree on which client runs. */
function containerClientOnPath() {
  const helper = join(ROOT, 'out', 'test', 'integration', 'helpers', 'containerClient.js');
  const { findContainerClient } = createRequire(import.meta.url)(helper);
  return findContainerClient('docker') ?? findContainerClient('podman');
}

/** The packages (of `packages`, and the docker client when `containerClient`) not installed yet. */
function missingPackages(packages, containerClient) {
  const wanted = containerClient && !containerClientOnPath() ? [...packages, CONTAINER_CLIENT_PACKAGE] : packages;
  return wanted.filter((pkg) => !isInstalled(pkg));
}

/** `containerClient`: also make sure a docker (or podman) client is on PATH. */
export function ensureDebianPackages(packages = DEBIAN_PACKAGES, { containerClient = false } = {}) {
  const missing = missingPackages(packages, containerClient);
  if (missing.length === 0) return;
  console.log(`Installing Debian packages: ${missing.join(' ')}`);
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...missing]);
  if (containerClient && !containerClientOnPath())
    throw new Error(`${CONTAINER_CLIENT_PACKAGE} is installed but no docker executable is on PATH (${process.env.PATH})`);
}

/**
 * The unit tests that need Debian packages: a top-level suite (its title) of a test file. A unit run with --grep
 * installs these packages only when the grep selects one of the suite's tests. Every other unit test runs in plain
 * Node without them. test/unit/runner/debianNeeds.test.ts checks that each entry still names a suite with tests.
 */
export const UNIT_SUITES_NEEDING_DEBIAN = [
  {
    file: 'test/unit/core/process/runProcess.test.ts',
    suite: 'process runner with the real docker CLI and registry',
    packages: ['docker-registry', 'apache2-utils'],
    containerClient: true,
  },
  {
    file: 'test/unit/interop/interop.test.ts',
    suite: 'interop: the extension client against the official Connect implementation (connect-node)',
    packages: ['openssl'],
    containerClient: false,
  },
];

const compiledTestFile = (source) => join(ROOT, 'out', source.replace(/\.ts$/, '.js'));

/**
 * Which of UNIT_SUITES_NEEDING_DEBIAN the unit tests `grep` selects (all of them without a grep), read from the
 * compiled tests (mocha-run.mjs --list loads their files without running them). `stale`: entries whose file or
 * suite no longer exists, or has no test (the list must follow a rename).
 */
export function unitSuitesNeedingDebian(grep) {
  const stale = [];
  const present = UNIT_SUITES_NEEDING_DEBIAN.filter((entry) => {
    const there = existsSync(join(ROOT, entry.file)) && existsSync(compiledTestFile(entry.file));
    if (!there) stale.push(`${entry.file} (or its compiled ${compiledTestFile(entry.file)}) does not exist`);
    return there;
  });
  if (present.length === 0) return { selected: [], stale };
  const args = [MOCHA_RUN, '--list', ...present.map((e) => compiledTestFile(e.file)), ...(grep ? ['--grep', grep] : [])];
  const listing = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  if (listing.status !== 0)
    throw new Error(`mocha-run.mjs --list failed (${listing.error?.message ?? `exit ${listing.status}`}): ${listing.stderr.trim()}`);
  const tests = JSON.parse(listing.stdout.trim().split('\n').pop());
  const selected = present.filter((entry) => {
    const mine = tests.filter((t) => t.file === compiledTestFile(entry.file) && t.titlePath[0] === entry.suite);
    if (mine.length === 0) stale.push(`${entry.file} has no suite ${JSON.stringify(entry.suite)} with tests`);
    return mine.some((t) => t.selected);
  });
  return { selected, stale };
}

/**
 * Before a unit run with --grep: installs the Debian packages of the suites the grep selects, and nothing when it
 * selects none of them (or they are installed already). Says on the console what it decided and why. When the list
 * is out of date, or the tests cannot be listed, it installs every unit suite's packages (and says so): a stale entry
 * never turns into a skip.
 */
export function ensureDebianPackagesForUnitTests(grep) {
  const all = [...new Set(UNIT_SUITES_NEEDING_DEBIAN.flatMap((e) => e.packages))];
  const anyClient = UNIT_SUITES_NEEDING_DEBIAN.some((e) => e.containerClient);
  const missing = missingPackages(all, anyClient);
  if (missing.length === 0) return; // nothing to decide: asking the tests costs more than this check
  let needs;
  try {
    needs = unitSuitesNeedingDebian(grep);
  } catch (error) {
    needs = { selected: [], stale: [error.message] }; // the unit run that follows reports a test file that fails to load
  }
  const { selected, stale } = needs;
  if (stale.length > 0) {
    console.warn(`Cannot tell which unit tests need Debian packages (${stale.join('; ')}): installing them all.`);
    ensureDebianPackages(all, { containerClient: anyClient });
    return;
  }
  if (selected.length === 0) {
    console.log(`Debian packages: none installed, --grep ${JSON.stringify(grep)} selects no unit test that needs ${missing.join(', ')}`);
    return;
  }
  console.log(`Debian packages for: ${selected.map((e) => JSON.stringify(e.suite)).join(', ')}`);
  ensureDebianPackages([...new Set(selected.flatMap((e) => e.packages))], { containerClient: selected.some((e) => e.containerClient) });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureDebianPackages(DEBIAN_PACKAGES, { containerClient: true });
