// Installs the Debian packages the VS Code host and the tests need, only when some are missing.
import { spawnSync } from 'node:child_process';

/**
 * chromium: UI tests; fonts-wqy-microhei: Chinese glyphs in the zh-CN window's screenshots (boxes without a CJK font);
 * libkrb5-dev: code-server's kerberos build; the rest: registry tests.
 */
export const DEBIAN_PACKAGES = ['chromium', 'fonts-wqy-microhei', 'libkrb5-dev', 'docker-registry', 'apache2-utils'];

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

export function ensureDebianPackages(packages = DEBIAN_PACKAGES) {
  const missing = packages.filter((pkg) => !isInstalled(pkg));
  if (missing.length === 0) return;
  console.log(`Installing Debian packages: ${missing.join(' ')}`);
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...missing]);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureDebianPackages();
