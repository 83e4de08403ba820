// `npm run dev:fake`: the fake API for F5 in desktop VS Code (.vscode/launch.json). Starts it on 127.0.0.1, writes a
// throw-away cocli config and the Extension Development Host's user settings pointing at it (in .vscode-test/dev-host,
// the host's --user-data-dir), prints "fake API ready", and runs until Ctrl+C, the task is terminated, or 8 hours pass.
// Needs `tsc -p .` first (the preLaunchTask does it). Never touches ~/.cocli.yaml or your own VS Code settings.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeApi } from '../support/fakeApi.cjs';
import { fakeSettings, writeDemoCocliConfig } from './fake-env.mjs';
import { ROOT } from './paths.mjs';
import { startProcess } from './proc.mjs';

const hostDir = join(ROOT, '.vscode-test', 'dev-host');
const fake = await startFakeApi({ startProcess }); // a child of this script, stopped with it
const cocli = writeDemoCocliConfig(join(hostDir, 'cocli.yaml'), fake.url);
mkdirSync(join(hostDir, 'User'), { recursive: true });
writeFileSync(join(hostDir, 'User', 'settings.json'), JSON.stringify(fakeSettings(cocli, fake.url), null, 2));
process.stdout.write(`fake API ready at ${fake.url} (profile "demo" in ${cocli})\n`);

const stop = async () => {
  await fake.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
await fake.exited;
