// UI tests: installs the built vsix into a fresh code-server (no smoke-test driver, so toasts and
// dialogs behave as for a user), points it at the fake API with a demo profile, and runs the
// compiled out/test/e2e/**/*.test.js with mocha. Needs `tsc -p .` and `npm run package` first.
// When Debian's docker-registry, htpasswd and a docker client are there, a real registry with htpasswd
// auth runs on 127.0.0.1 too: `coscene.registry.host` points at it and the fake's CreateBasicCredential
// hands out the one user it knows.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  demoHuaweiSignIn,
  fakeSettings,
  registryCredentialsFor,
  startLocalRegistry,
  writeDemoCocliConfig,
  writeMachineSettings,
} from './fake-env.mjs';
import { startFakeApi } from '../support/fakeApi.cjs';
import { ensureHost, installExtension, makeSandbox, startCodeServer, writeUserSettings } from './host.mjs';
import { buildChineseLanguagePack, registerChineseLanguagePack } from './language-pack.mjs';
import { ARTIFACTS, MOCHA_RUN, ROOT, VSIX } from './paths.mjs';
import { run } from './proc.mjs';
import { childResult, failed } from './results.mjs';

const TIMEOUT_MS = Number(process.env.COSCENE_E2E_TIMEOUT_MS || 15 * 60_000);

const failedRun = (message) => failed('UI test run', message);

export async function runE2e({ grep } = {}) {
  if (!existsSync(VSIX)) return failedRun(`${VSIX} is missing: run npm run package first`);
  if (!existsSync(join(ROOT, 'out', 'test', 'e2e'))) return failedRun('out/test/e2e is missing: run tsc -p . first');
  await ensureHost();
  rmSync(ARTIFACTS, { recursive: true, force: true }); // only this run's screenshots
  const lifetime = TIMEOUT_MS + 60_000;
  const registry = await startLocalRegistry(lifetime);
  let fake;
  let server;
  let chinese;
  try {
    // The same user for every CreateBasicCredential (a login, a retry, a fresh credential).
    fake = await startFakeApi({ inProcess: true, maxLifetimeMs: lifetime, registryCredentials: registryCredentialsFor(registry) });
    const dirs = makeSandbox('e2e');
    const cocli = writeDemoCocliConfig(join(dirs.base, 'cocli.yaml'), fake.url);
    const registrySettings = registry.server ? { 'coscene.registry.host': registry.server.host } : {};
    const settings = { ...fakeSettings(cocli, fake.url), ...registrySettings };
    writeUserSettings(dirs, settings);
    writeMachineSettings(dirs, settings); // machine-scoped ones count only here (remote window)
    await installExtension(dirs, VSIX);
    const logFile = join(dirs.base, 'code-server.log');
    server = await startCodeServer(dirs, { logFile });
    // A second window in Simplified Chinese (test/e2e/chinese.test.ts): its own sandbox, a local language pack.
    const zhDirs = makeSandbox('e2e-zh');
    const zhCocli = writeDemoCocliConfig(join(zhDirs.base, 'cocli.yaml'), fake.url);
    const zhSettings = { ...fakeSettings(zhCocli, fake.url), ...registrySettings };
    writeUserSettings(zhDirs, zhSettings);
    writeMachineSettings(zhDirs, zhSettings);
    await installExtension(zhDirs, VSIX);
    await installExtension(zhDirs, buildChineseLanguagePack(zhDirs.base));
    registerChineseLanguagePack(zhDirs);
    // In demo mode too (as npm start), so its first-run sign-in offer is seen in Chinese.
    const demo = JSON.stringify({ huaweiSignIn: demoHuaweiSignIn().aksk });
    chinese = await startCodeServer(zhDirs, {
      logFile: join(zhDirs.base, 'code-server.log'),
      locale: 'zh-cn',
      env: { COSCENE_ACCESS_DEMO: demo },
    });
    const resultFile = join(dirs.base, 'e2e-result.json');
    const args = [MOCHA_RUN, 'out/test/e2e', '--timeout', '120000', ...(grep ? ['--grep', grep] : [])];
    const env = {
      ...process.env,
      COSCENE_E2E_URL: `${server.url}?folder=${encodeURIComponent(server.folder)}`,
      COSCENE_E2E_URL_ZH: `${chinese.url}?folder=${encodeURIComponent(chinese.folder)}`,
      COSCENE_E2E_ARTIFACTS: ARTIFACTS,
      COSCENE_FAKE_URL: fake.url,
      COSCENE_E2E_COCLI: cocli, // the English window's cocli file (the Accounts menu suite empties and restores it)
      COSCENE_TEST_RESULT: resultFile,
      COSCENE_E2E_REGISTRY: JSON.stringify(
        registry.server
          ? {
              host: registry.server.host,
              username: registry.user.username,
              password: registry.user.password,
              dockerConfig: dirs.dockerConfig,
            }
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
    await chinese?.stop();
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
