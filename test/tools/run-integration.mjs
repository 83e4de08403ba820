// Runs out/test/integration/index.js inside a real VS Code extension host. Default: code-server via
// the workbench URL payload (smoke-test driver on), driven by headless chromium. With
// VSCODE_EXECUTABLE set: a desktop VS Code through @vscode/test-electron.
// Needs `tsc -p .` and the esbuild bundle first (run-all.mjs does both).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchChromiumWithProfile } from '../support/browser.cjs';
import { ensureHost, makeSandbox, startCodeServer } from './host.mjs';
import { ROOT } from './paths.mjs';
import { run } from './proc.mjs';
import { childResult, failed } from './results.mjs';

const TESTS_ENTRY = join(ROOT, 'out', 'test', 'integration', 'index.js');
const TIMEOUT_MS = Number(process.env.COSCENE_INTEGRATION_TIMEOUT_MS || 15 * 60_000);

function testEnvironment(dirs, grep) {
  return {
    /** Which host runs the tests: 'code-server' (a remote extension host) or 'desktop' (VSCODE_EXECUTABLE). */
    COSCENE_TEST_HOST: process.env.VSCODE_EXECUTABLE ? 'desktop' : 'code-server',
    COSCENE_TEST_RESULT: join(dirs.base, 'integration-result.json'),
    COSCENE_TEST_GREP: grep ?? '',
    COSCENE_TEST_TMP: dirs.base,
    // The workbench's storage (globalState; Local Storage, IndexedDB) in code-server: scanned for secrets.
    COSCENE_TEST_BROWSER_PROFILE: join(dirs.base, 'browser-profile'),
    // Under CI=true the extension host's mocha forbids `.only` (test/support/mochaRunner.ts): said here, not left
    // to whatever environment code-server or VS Code hands its extension host.
    ...(process.env.CI === undefined ? {} : { CI: process.env.CI }),
  };
}

async function runInDesktopVsCode(dirs, env) {
  const options = {
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: TESTS_ENTRY,
    extensionTestsEnv: { ...env, HOME: dirs.home, DOCKER_CONFIG: dirs.dockerConfig },
    launchArgs: [dirs.workspace, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--disable-workspace-trust'],
  };
  const end = await run(process.execPath, [join(ROOT, 'test', 'tools', 'run-electron.mjs'), JSON.stringify(options)], {
    cwd: ROOT,
    timeoutMs: TIMEOUT_MS,
  });
  return childResult('the VS Code test run', env.COSCENE_TEST_RESULT, { ...end, timeoutMs: TIMEOUT_MS });
}

// Workbench chatter that says nothing about the extension under test.
const NOISE =
  /^\[(AgentHost|AccountPolicyGate|Service Worker|reconnection-grace-time)|socket \(|connection token|builtin extensions cache|web worker extension host|vsda|Timed out waiting for authentication provider|ENOTFOUND|Failed to load resource|allow-scripts and allow-same-origin|Creation of workbench contribution|^Error: \d+ integration test\(s\) failed/;

/**
 * Console messages (the extension host's included) arrive printf-style, behind a "%c INFO" + CSS
 * prefix. Errors are turned into their stack because jsonValue() drops it.
 */
async function consoleText(message) {
  const values = await Promise.all(
    message.args().map((arg) => arg.evaluate((v) => (v instanceof Error ? v.stack || String(v) : v)).catch(() => String(arg))),
  );
  const [first, second, ...rest] = values;
  const prefixed = typeof first === 'string' && first.startsWith('%c') && typeof second === 'string';
  if (prefixed) return rest.length ? `${first.slice(2).trim()} ${format(...rest)}` : '';
  return values.length ? format(...values) : message.text();
}

async function forwardConsole(message) {
  const text = await consoleText(message);
  if (text.trim() && !NOISE.test(text.replace(/^(INFO|ERR|WARN)\s+/, ''))) console.log(`  | ${text.replace(/\n/g, '\n  | ')}`);
}

async function runInCodeServer(dirs, env) {
  await ensureHost();
  const server = await startCodeServer(dirs, { smokeTestDriver: true, logFile: join(dirs.base, 'code-server.log') });
  const browser = await launchChromiumWithProfile(env.COSCENE_TEST_BROWSER_PROFILE);
  try {
    const page = await browser.newPage();
    const exitCode = new Promise((resolve) => void page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    page.on('console', (message) => void forwardConsole(message).catch(() => {}));
    const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(TESTS_ENTRY)],
      ['extensionEnvironment', JSON.stringify(env)],
    ];
    const url = `${server.url}?folder=${encodeURIComponent(server.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { timeout: 60_000 });
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve({ timedOut: true, timeoutMs: TIMEOUT_MS }), TIMEOUT_MS)));
    const serverGone = server.exited.then(({ code, signal }) => ({
      code: null,
      reason: `lost its code-server (exit code ${code}${signal ? `, ${signal}` : ''})`,
    }));
    const end = await Promise.race([exitCode.then((code) => ({ code })), timeout, serverGone]);
    clearTimeout(timer);
    // The workbench reports the extension host's exit code: 0 only when run() resolved.
    return childResult('the extension host test run', env.COSCENE_TEST_RESULT, end);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
}

export async function runIntegration({ grep } = {}) {
  if (!existsSync(TESTS_ENTRY)) return failed('integration run', `${TESTS_ENTRY} is missing: run tsc -p . first`);
  const dirs = makeSandbox('integration');
  const env = testEnvironment(dirs, grep);
  return process.env.VSCODE_EXECUTABLE ? runInDesktopVsCode(dirs, env) : runInCodeServer(dirs, env);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const summary = await runIntegration({ grep: process.env.COSCENE_TEST_GREP });
  console.log(`${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
  process.exitCode = summary.failed > 0 ? 1 : 0;
}
