// UI tests: installs the built vsix into a fresh code-server (no smoke-test driver, so toasts and
// dialogs behave as for a user), points it at the fake API with a demo profile, and runs the
// compiled out/test/e2e/**/*.test.js with mocha. Needs `tsc -p .` and `npm run package` first.
// When Debian's docker-registry, htpasswd and a docker client are there, a real registry with htpasswd
// auth runs on 127.0.0.1 too: `coscene.registry.host` points at it and the fake's CreateBasicCredential
// hands out the one user it knows.
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fakeSettings, startFakeApiInProcess, writeDemoCocliConfig, writeMachineSettings } from './fake-env.mjs';
import { ensureHost, installExtension, makeSandbox, startCodeServer, writeUserSettings } from './host.mjs';
import { ARTIFACTS, MOCHA_RUN, ROOT, VSIX } from './paths.mjs';
import { run } from './proc.mjs';
import { childResult, failed } from './results.mjs';

const TIMEOUT_MS = Number(process.env.COSCENE_E2E_TIMEOUT_MS || 6 * 60_000);

const require = createRequire(import.meta.url);
const REGISTRY_HELPER = join(ROOT, 'out', 'test', 'integration', 'helpers', 'registryServer.js');
const CLIENT_HELPER = join(ROOT, 'out', 'test', 'integration', 'helpers', 'containerClient.js');

const failedRun = (message) => failed('UI test run', message);

/** A real registry that knows one user, or why there is none ({ skip }). */
async function startRegistry(maxLifetimeMs) {
  if (!existsSync(REGISTRY_HELPER)) return { skip: `${REGISTRY_HELPER} is missing` };
  const { registryUnavailableReason, startRegistryServer } = require(REGISTRY_HELPER);
  const { containerClientMissingReason } = require(CLIENT_HELPER);
  const reason = registryUnavailableReason() ?? containerClientMissingReason('docker');
  if (reason) return { skip: reason };
  const user = { username: 'cr-e2e-robot', password: `E2e-${randomBytes(12).toString('base64url')}` };
  const server = await startRegistryServer([user], { maxLifetimeMs });
  return { server, user };
}

export async function runE2e({ grep } = {}) {
  if (!existsSync(VSIX)) return failedRun(`${VSIX} is missing: run npm run package first`);
  if (!existsSync(join(ROOT, 'out', 'test', 'e2e'))) return failedRun('out/test/e2e is missing: run tsc -p . first');
  await ensureHost();
  rmSync(ARTIFACTS, { recursive: true, force: true }); // only this run's screenshots
  const lifetime = TIMEOUT_MS + 60_000;
  const registry = await startRegistry(lifetime);
  let fake;
  let server;
  try {
    // The same user for every CreateBasicCredential (a login, a retry, a fresh credential).
    fake = await startFakeApiInProcess({ maxLifetimeMs: lifetime, registryCredentials: registry.user ? Array(10).fill(registry.user) : [] });
    const dirs = makeSandbox('e2e');
    const cocli = writeDemoCocliConfig(join(dirs.base, 'cocli.yaml'), fake.url);
    const registrySettings = registry.server ? { 'coscene.registry.host': registry.server.host } : {};
    const settings = { ...fakeSettings(cocli, fake.url), ...registrySettings };
    writeUserSettings(dirs, settings);
    writeMachineSettings(dirs, settings); // machine-scoped ones count only here (remote window)
    await installExtension(dirs, VSIX);
    const logFile = join(dirs.base, 'code-server.log');
    server = await startCodeServer(dirs, { logFile });
    const resultFile = join(dirs.base, 'e2e-result.json');
    const args = [MOCHA_RUN, 'out/test/e2e', '--timeout', '120000', ...(grep ? ['--grep', grep] : [])];
    const env = {
      ...process.env,
      COSCENE_E2E_URL: `${server.url}?folder=${encodeURIComponent(server.folder)}`,
      COSCENE_E2E_ARTIFACTS: ARTIFACTS,
      COSCENE_FAKE_URL: fake.url,
      COSCENE_TEST_RESULT: resultFile,
      COSCENE_E2E_REGISTRY: JSON.stringify(
        registry.server
          ? { host: registry.server.host, username: registry.user.username, password: registry.user.password, dockerConfig: dirs.dockerConfig }
          : { skip: registry.skip },
      ),
    };
    const end = await run(process.execPath, args, { cwd: ROOT, env, timeoutMs: TIMEOUT_MS });
    const summary = childResult('the UI test process (mocha)', resultFile, { ...end, timeoutMs: TIMEOUT_MS });
    // The sandbox goes away with this process: keep code-server's log next to the failure screenshots.
    if (summary.failed > 0 && existsSync(logFile)) {
      mkdirSync(ARTIFACTS, { recursive: true });
      copyFileSync(logFile, join(ARTIFACTS, 'code-server.log'));
    }
    return summary;
  } finally {
    await server?.stop();
    await fake?.stop();
    await registry.server?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const summary = await runE2e({ grep: process.env.COSCENE_TEST_GREP });
  console.log(`${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
  process.exitCode = summary.failed > 0 ? 1 : 0;
}
