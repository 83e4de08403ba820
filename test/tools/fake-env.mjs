// The fake coScene + Huawei API (out/test/fake/cli.js) and a throw-away cocli config pointing at it,
// for the demo and the UI tests. Needs `tsc -p .` first.
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './paths.mjs';
import { startProcess } from './proc.mjs';

const FAKE_CLI = join(ROOT, 'out', 'test', 'fake', 'cli.js');
const require = createRequire(import.meta.url);

export function fakeSeed() {
  const { FAKE_COSCENE } = require(join(ROOT, 'out', 'test', 'fake', 'seed', 'coscene.js'));
  const { FAKE_HUAWEI } = require(join(ROOT, 'out', 'test', 'fake', 'seed', 'huawei.js'));
  return { FAKE_COSCENE, FAKE_HUAWEI };
}

/** Starts the fake API on a free 127.0.0.1 port; it also stops by itself after maxLifetimeMs. */
export async function startFakeApi({ maxLifetimeMs = 8 * 60 * 60_000 } = {}) {
  if (!existsSync(FAKE_CLI)) throw new Error(`${FAKE_CLI} is missing: run tsc -p . first`);
  const fake = startProcess(process.execPath, [FAKE_CLI, '--port', '0', '--max-lifetime-ms', String(maxLifetimeMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: fake.child.stdout });
  const firstLine = new Promise((resolve) => lines.once('line', resolve));
  const startTimeout = new Promise((resolve) => setTimeout(resolve, 20_000, undefined).unref());
  const line = await Promise.race([firstLine, fake.exited.then(() => undefined), startTimeout]);
  if (!line) {
    await fake.stop();
    throw new Error('the fake API did not report its URL');
  }
  const { url, port } = JSON.parse(line);
  return { url: url.replace(/\/$/, ''), port, exited: fake.exited, stop: () => fake.stop() };
}

/** A cocli config with one profile "demo" on the fake (admin token, project mcap). */
export function writeDemoCocliConfig(path, fakeUrl) {
  const { FAKE_COSCENE } = fakeSeed();
  const yaml = [
    'current-profile: demo',
    'profiles:',
    '  - name: demo',
    `    endpoint: ${fakeUrl}`,
    `    token: ${FAKE_COSCENE.adminToken}`,
    '    project: mcap',
    '',
  ].join('\n');
  writeFileSync(path, yaml, { mode: 0o600 });
  return path;
}

/** User settings that point the extension at the fake: cocli file and Huawei endpoints. */
export function fakeSettings(cocliPath, fakeUrl) {
  return {
    'coscene.cocliConfigPath': cocliPath,
    'coscene.huawei.endpoint': fakeUrl,
    'coscene.huawei.iamEndpoint': fakeUrl,
  };
}

