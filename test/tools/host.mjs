// The VS Code host for tests and the demo: code-server 4.139.1 running on Node 24, both from npm,
// each in its own folder (test/node24, test/vscode-host) so the root `npm ci` stays on Node 20.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CODE_SERVER_ENTRY, HOST_PKG, NODE24, NODE24_DIR, NODE24_PKG, ROOT } from './paths.mjs';
import { makeTempDir, run, startProcess } from './proc.mjs';

const STAMP = '.coscene-install-stamp';

function lockHash(pkgDir) {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) {
    const path = join(pkgDir, file);
    if (existsSync(path)) hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

async function npmInstall(pkgDir, env) {
  const stampPath = join(pkgDir, 'node_modules', STAMP);
  const hash = lockHash(pkgDir);
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === hash) return false;
  const verb = existsSync(join(pkgDir, 'package-lock.json')) ? 'ci' : 'install';
  console.log(`npm ${verb} in ${pkgDir}`);
  const started = Date.now();
  // code-server builds native modules: ~2.5 min on an idle 2-core machine, over 10 min seen on a loaded one.
  const timeoutMs = 25 * 60_000;
  const { code, timedOut } = await run('npm', [verb, '--no-audit', '--no-fund'], { cwd: pkgDir, env, timeoutMs });
  if (code !== 0)
    throw new Error(
      `npm ${verb} in ${pkgDir} ${timedOut ? `gave no result within ${timeoutMs / 60_000} min` : `failed (exit code ${code})`}`,
    );
  writeFileSync(stampPath, hash);
  console.log(`npm ${verb} in ${pkgDir}: done in ${Math.round((Date.now() - started) / 1000)}s`);
  return true;
}

/**
 * Environment in which npm and node-gyp run on Node 24 and build against its headers. The outer
 * `npm test` exports npm_* variables (npm_config_user_agent says node/v20, which code-server's
 * postinstall checks); they would override the inner npm's own config, so they are dropped.
 */
export function node24Env(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE'));
  return {
    ...env,
    PATH: `${join(NODE24_DIR, 'bin')}:${process.env.PATH}`,
    npm_config_nodedir: NODE24_DIR, // ~/.npmrc may point nodedir at Node 20's headers
    ...extra,
  };
}

/** Installs Node 24 and code-server when missing or when their lockfiles changed. */
export async function ensureHost() {
  await npmInstall(NODE24_PKG, process.env);
  await npmInstall(HOST_PKG, node24Env());
}

export const TEST_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'terminal.integrated.gpuAcceleration': 'off',
  'terminal.integrated.enablePersistentSessions': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  // Open and save dialogs as quick inputs a test can type a path into (code-server's own are these too).
  'files.simpleDialog.enable': true,
};

export async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => server.listen(0, '127.0.0.1', resolve).on('error', reject));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A fresh sandbox: user-data-dir, extensions-dir, HOME and DOCKER_CONFIG in one temp dir, so the
 * user's real ~/.cocli.yaml and docker credentials are out of reach. TMPDIR and the XDG folders of
 * code-server (and of everything it starts: the extension host, docker) lie in it too, so the secret
 * scans of the integration tests, which search the whole sandbox, see what is written there.
 */
export function makeSandbox(name) {
  const base = makeTempDir(name);
  const dirs = {
    base,
    userData: join(base, 'user-data'),
    extensions: join(base, 'extensions'),
    home: join(base, 'home'),
    dockerConfig: join(base, 'docker'),
    workspace: join(base, 'workspace'),
    ...hostWriteDirs(base),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  // As XDG asks of the runtime dir: the user's own, mode 0700 (the path stays short: sockets live there).
  chmodSync(dirs.xdgRuntime, 0o700);
  writeUserSettings(dirs);
  return dirs;
}

/** The sandbox folders behind TMPDIR and XDG_* (see hostEnv). */
function hostWriteDirs(base) {
  return {
    tmp: join(base, 'tmp'),
    xdgConfig: join(base, 'xdg', 'config'),
    xdgCache: join(base, 'xdg', 'cache'),
    xdgData: join(base, 'xdg', 'data'),
    xdgState: join(base, 'xdg', 'state'),
    xdgRuntime: join(base, 'xdg', 'run'),
  };
}

/** Test settings plus `extra`; unless `extra` names one, the cocli config is an empty file. */
export function writeUserSettings(dirs, extra = {}) {
  const emptyCocli = join(dirs.base, 'cocli-empty.yaml');
  writeFileSync(emptyCocli, '');
  const settings = { ...TEST_USER_SETTINGS, 'coscene.cocliConfigPath': emptyCocli, ...extra };
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

function hostEnv(dirs) {
  const write = hostWriteDirs(dirs.base);
  const env = node24Env({
    HOME: dirs.home,
    DOCKER_CONFIG: dirs.dockerConfig,
    TMPDIR: write.tmp,
    TMP: write.tmp,
    TEMP: write.tmp,
    XDG_CONFIG_HOME: write.xdgConfig,
    XDG_CACHE_HOME: write.xdgCache,
    XDG_DATA_HOME: write.xdgData,
    XDG_STATE_HOME: write.xdgState,
    XDG_RUNTIME_DIR: write.xdgRuntime,
  });
  for (const key of Object.keys(env)) {
    // Variables of an outer VS Code (when run from its terminal) would confuse code-server.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return env;
}

export async function installExtension(dirs, vsixPath) {
  const args = [CODE_SERVER_ENTRY, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsixPath];
  const { code } = await run(NODE24, args, { cwd: ROOT, env: hostEnv(dirs), timeoutMs: 120_000 });
  if (code !== 0) throw new Error(`code-server --install-extension ${vsixPath} failed`);
}

async function waitForHealthz(url, exited, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  let processGone = false;
  void exited.then(() => (processGone = true));
  while (Date.now() < deadline && !processGone) {
    try {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), 2000);
      const response = await fetch(new URL('/healthz', url), { signal: abort.signal }).finally(() => clearTimeout(timer));
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(processGone ? 'code-server exited before it was ready' : `code-server not ready after ${deadlineMs / 1000}s`);
}

/**
 * Starts code-server on 127.0.0.1 and resolves once /healthz answers. `smokeTestDriver` makes the
 * workbench honour the extension-test URL payload (and hides toasts: never for UI tests). `env` is added to
 * the server's environment, which its extension host inherits. `locale` (e.g. 'zh-cn') is the display language:
 * it needs a language pack for it installed (test/tools/language-pack.mjs).
 */
export async function startCodeServer(dirs, { port, smokeTestDriver = false, logFile, folder = dirs.workspace, env = {}, locale } = {}) {
  port ??= await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    '--config',
    '/dev/null',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    ...(locale ? ['--locale', locale] : []),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--reconnection-grace-time',
    '5',
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    folder,
  ];
  const log = logFile ? openSync(logFile, 'a') : 'inherit';
  const server = startProcess(NODE24, args, { cwd: dirs.base, env: { ...hostEnv(dirs), ...env }, stdio: ['ignore', log, log] });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHealthz(url, server.exited, 60_000);
  } catch (error) {
    await server.stop();
    if (logFile && existsSync(logFile)) console.error(readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n'));
    throw error;
  }
  return { url, port, folder, stop: () => server.stop(), exited: server.exited };
}

/** On a fresh clone `npm test` / `npm start` work without a prior `npm ci`. */
export async function ensureRootDependencies() {
  if (existsSync(join(ROOT, 'node_modules', '.package-lock.json'))) return;
  console.log('npm ci (root dependencies are missing)');
  const { code } = await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, timeoutMs: 10 * 60_000 });
  if (code !== 0) throw new Error('npm ci failed');
}
