// `npm start`: builds and packages the extension, starts the fake coScene/Huawei API, and opens
// code-server on http://127.0.0.1:${PORT:-8080}/ with the vsix installed and a throw-away cocli
// config (profile "demo"). Ctrl+C stops everything and removes the temp dirs. Never reads or
// writes your ~/.cocli.yaml: code-server runs with a temp HOME.
import { join } from 'node:path';
import { ensureDebianPackages } from './debian.mjs';
import { fakeSettings, startFakeApi, writeDemoCocliConfig, writeMachineSettings } from './fake-env.mjs';
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
  ensureDebianPackages(['libkrb5-dev']);
  await ensureHost();
  // The fake API is compiled TypeScript; tsc emits even when it reports type errors.
  const tsc = await run(process.execPath, [TSC, '-p', '.'], { cwd: ROOT, timeoutMs: 5 * 60_000 });
  if (tsc.code !== 0) console.warn('tsc reported errors; the demo uses what it emitted.');
  await mustRun('npm run package', 'npm', ['run', 'package']);

  const fake = await startFakeApi();
  const dirs = makeSandbox('demo');
  const cocli = writeDemoCocliConfig(join(dirs.base, 'cocli.yaml'), fake.url);
  const settings = fakeSettings(cocli, fake.url);
  writeUserSettings(dirs, settings);
  writeMachineSettings(dirs, settings); // machine-scoped settings (endpoints, config path) count only here in code-server
  await installExtension(dirs, VSIX);
  const server = await startCodeServer(dirs, { port, logFile: join(dirs.base, 'code-server.log') });

  console.log(`
coScene Access demo is running:
  VS Code (code-server): ${server.url}
  fake coScene + Huawei API: ${fake.url}
  cocli config (profile "demo"): ${cocli}
Press Ctrl+C to stop.`);
  // Either child dying ends the demo; Ctrl+C / SIGTERM are handled in proc.mjs.
  const ended = await Promise.race([server.exited.then(() => 'code-server'), fake.exited.then(() => 'the fake API')]);
  console.error(`${ended} stopped; shutting down.`);
  await server.stop();
  await fake.stop();
  process.exitCode = 1;
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1); // the exit handler in proc.mjs stops the children and removes temp dirs
});
