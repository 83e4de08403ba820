// `npm start`: builds and packages the extension, starts the fake coScene/Huawei API and a real local container
// registry wired to the fake's credentials, and opens code-server on http://127.0.0.1:${PORT:-8080}/ with the vsix
// installed and a throw-away cocli config (profile "demo"). Prints what to type for the Huawei sign-in; the
// extension offers a one-click demo sign-in (COSCENE_ACCESS_DEMO). Ctrl+C stops everything and removes the temp
// dirs. Never reads or writes your ~/.cocli.yaml or docker logins: code-server runs with a temp HOME and DOCKER_CONFIG.
import { join } from 'node:path';
import { ensureDebianPackages } from './debian.mjs';
import {
  demoHuaweiSignIn,
  fakeSettings,
  registryCredentialsFor,
  startLocalRegistry,
  writeDemoCocliConfig,
  writeMachineSettings,
} from './fake-env.mjs';
import { startFakeApi } from '../support/fakeApi.cjs';
import { ensureHost, ensureRootDependencies, installExtension, makeSandbox, startCodeServer, writeUserSettings } from './host.mjs';
import { ROOT, TSC, VSIX } from './paths.mjs';
import { run, stopWhenParentExits } from './proc.mjs';

async function mustRun(title, command, args) {
  const { code } = await run(command, args, { cwd: ROOT, timeoutMs: 5 * 60_000 });
  if (code !== 0) throw new Error(`${title} failed`);
}

async function main() {
  stopWhenParentExits();
  const port = Number(process.env.PORT || 8080);
  await ensureRootDependencies();
  ensureDebianPackages(['libkrb5-dev', 'docker-registry', 'apache2-utils']);
  await ensureHost();
  // The fake API is compiled TypeScript; tsc emits even when it reports type errors.
  const tsc = await run(process.execPath, [TSC, '-p', '.'], { cwd: ROOT, timeoutMs: 5 * 60_000 });
  if (tsc.code !== 0) console.warn('tsc reported errors; the demo uses what it emitted.');
  await mustRun('npm run package', 'npm', ['run', 'package']);

  const lifetime = 8 * 60 * 60_000;
  const registry = await startLocalRegistry(lifetime);
  const fake = await startFakeApi({ inProcess: true, maxLifetimeMs: lifetime, registryCredentials: registryCredentialsFor(registry) });
  const dirs = makeSandbox('demo');
  const cocli = writeDemoCocliConfig(join(dirs.base, 'cocli.yaml'), fake.url);
  const settings = { ...fakeSettings(cocli, fake.url), ...(registry.server ? { 'coscene.registry.host': registry.server.host } : {}) };
  writeUserSettings(dirs, settings);
  writeMachineSettings(dirs, settings); // machine-scoped settings (endpoints, config path) count only here in code-server
  await installExtension(dirs, VSIX);
  const signIn = demoHuaweiSignIn();
  // Demo mode for the extension: a first-run notification with what to type and a one-click demo sign-in.
  const demo = { huaweiSignIn: signIn.aksk, registryHost: registry.server?.host };
  const server = await startCodeServer(dirs, {
    port,
    logFile: join(dirs.base, 'code-server.log'),
    env: { COSCENE_ACCESS_DEMO: JSON.stringify(demo) },
  });

  console.log(`
coScene Access demo is running:
  VS Code (code-server): ${server.url}
  fake coScene + Huawei API: ${fake.url}
  cocli config (profile "demo"): ${cocli}
  container registry: ${registry.server ? `${registry.server.host} (Log In to Container Registry works; a fresh credential per login)` : `none (${registry.skip})`}

Sign in to Huawei Cloud (Repository Permissions view → Sign In to Huawei Cloud…), or click "Sign In (Demo)" in
the notification:
  Access key (AK/SK): region ${signIn.aksk.region}, account ID ${signIn.aksk.domainId},
    AK ${signIn.aksk.ak}, SK ${signIn.aksk.sk}, CodeArts project ID ${signIn.aksk.codeartsProjectId}
  or IAM user: account ${signIn.password.domainName}, user ${signIn.password.userName}, password ${signIn.password.password},
    region ${signIn.password.region}, CodeArts project ID ${signIn.password.codeartsProjectId}
(These are the fake's own credentials; nothing here reaches Huawei Cloud or coScene.)
Press Ctrl+C to stop.`);
  // Either child dying ends the demo; Ctrl+C / SIGTERM are handled in proc.mjs.
  const ended = await Promise.race([server.exited.then(() => 'code-server'), fake.exited.then(() => 'the fake API')]);
  console.error(`${ended} stopped; shutting down.`);
  await server.stop();
  await fake.stop();
  await registry.server?.stop();
  process.exitCode = 1;
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1); // the exit handler in proc.mjs stops the children and removes temp dirs
});
