// Installs the Debian packages the VS Code host and the tests need, only when some are missing.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

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

/** `containerClient`: also make sure a docker (or podman) client is on PATH. */
export function ensureDebianPackages(packages = DEBIAN_PACKAGES, { containerClient = false } = {}) {
  const wanted = containerClient && !containerClientOnPath() ? [...packages, CONTAINER_CLIENT_PACKAGE] : packages;
  const missing = wanted.filter((pkg) => !isInstalled(pkg));
  if (missing.length === 0) return;
  console.log(`Installing Debian packages: ${missing.join(' ')}`);
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...missing]);
  if (containerClient && !containerClientOnPath())
    throw new Error(`${CONTAINER_CLIENT_PACKAGE} is installed but no docker executable is on PATH (${process.env.PATH})`);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureDebianPackages(DEBIAN_PACKAGES, { containerClient: true });
