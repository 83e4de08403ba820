// UI tests: installs the built vsix into a fresh code-server (no smoke-test driver, so toasts and
// dialogs behave as for a user), points it at the fake API with a demo profile, and runs the
// compiled out/test/e2e/**/*.test.js with mocha. Needs `tsc -p .` and `npm run package` first.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fakeSettings, startFakeApi, writeDemoCocliConfig } from './fake-env.mjs';
import { ensureHost, installExtension, makeSandbox, startCodeServer, writeUserSettings } from './host.mjs';
import { ARTIFACTS, MOCHA_RUN, ROOT, VSIX } from './paths.mjs';
import { run } from './proc.mjs';

const TIMEOUT_MS = Number(process.env.COSCENE_E2E_TIMEOUT_MS || 6 * 60_000);

function failedRun(message) {
  return { passed: 0, failed: 1, pending: 0, failures: [{ title: 'UI test run', message }] };
}

export async function runE2e({ grep } = {}) {
  if (!existsSync(VSIX)) return failedRun(`${VSIX} is missing: run npm run package first`);
  if (!existsSync(join(ROOT, 'out', 'test', 'e2e'))) return failedRun('out/test/e2e is missing: run tsc -p . first');
  await ensureHost();
  rmSync(ARTIFACTS, { recursive: true, force: true }); // only this run's screenshots
  const fake = await startFakeApi({ maxLifetimeMs: TIMEOUT_MS + 60_000 });
  let server;
  try {
    const dirs = makeSandbox('e2e');
    const cocli = writeDemoCocliConfig(join(dirs.base, 'cocli.yaml'), fake.url);
    writeUserSettings(dirs, fakeSettings(cocli, fake.url));
    await installExtension(dirs, VSIX);
    server = await startCodeServer(dirs, { logFile: join(dirs.base, 'code-server.log') });
    const resultFile = join(dirs.base, 'e2e-result.json');
    const args = [MOCHA_RUN, 'out/test/e2e', '--timeout', '120000', ...(grep ? ['--grep', grep] : [])];
    const env = {
      ...process.env,
      COSCENE_E2E_URL: `${server.url}?folder=${encodeURIComponent(server.folder)}`,
      COSCENE_E2E_ARTIFACTS: ARTIFACTS,
      COSCENE_FAKE_URL: fake.url,
      COSCENE_TEST_RESULT: resultFile,
    };
    const { code } = await run(process.execPath, args, { cwd: ROOT, env, timeoutMs: TIMEOUT_MS });
    if (existsSync(resultFile)) return JSON.parse(readFileSync(resultFile, 'utf8'));
    return failedRun(`mocha wrote no result (exit code ${code})`);
  } finally {
    await server?.stop();
    await fake.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const summary = await runE2e({ grep: process.env.COSCENE_TEST_GREP });
  console.log(`${summary.passed} passed, ${summary.failed} failed`);
  process.exitCode = summary.failed > 0 ? 1 : 0;
}
