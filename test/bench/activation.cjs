/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, __dirname, process, console */
'use strict';
// Activation in this fresh process: load dist/extension.js and run activate() with the vscode stand-in.
// cold: the first require in the process (nothing of the bundle or Node's built-ins the bundle uses loaded yet);
// warm: the same again WARM_RUNS times after dropping the bundle from the require cache (files in the OS cache,
// built-ins loaded: what the extension host looks like when it activates an extension). Prints one JSON line.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { installVscode, createContext } = require('../support/vscodeStub.cjs');

const WARM_RUNS = 5;
const root = path.resolve(__dirname, '../..');
const dist = process.env.BENCH_DIST ?? path.join(root, 'dist');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'coscene-bench-home-'));
// A realistic setup: a cocli file with one profile (so the profile load after activation has something to parse).
fs.writeFileSync(
  path.join(home, '.cocli.yaml'),
  [
    'current-profile: bench',
    'profiles:',
    '  - name: bench',
    '    endpoint: http://127.0.0.1:9',
    '    token: bench-token-0000000000',
    '    project: org/proj',
    '    org: org',
    '',
  ].join('\n'),
);
process.env.HOME = home;
process.env.USERPROFILE = home;
for (const k of ['COS_ENDPOINT', 'COS_TOKEN', 'COS_PROJECT']) delete process.env[k];

const { commands } = installVscode({ settings: { 'coscene.cocliConfigPath': path.join(home, '.cocli.yaml') } });
const loaded = (file) => require.cache[path.join(dist, file)] !== undefined;
const ms = (a, b) => Number(b - a) / 1e6;

/** One load + activate(); the bundle is dropped from the require cache first, so each run evaluates it again. */
async function activateOnce() {
  for (const file of ['extension.js', 'undici.js', 'yaml.js']) delete require.cache[path.join(dist, file)];
  const context = createContext(root);
  const t0 = process.hrtime.bigint();
  const ext = require(path.join(dist, 'extension.js'));
  const t1 = process.hrtime.bigint();
  const api = ext.activate(context);
  const t2 = process.hrtime.bigint();
  const duringActivation = { undici: loaded('undici.js'), yaml: loaded('yaml.js') };
  // The profile load that activate() starts (file read + parse) finishes asynchronously; time it too.
  const profiles = api?.features?.profiles;
  if (profiles?.ready) await profiles.ready;
  const t3 = process.hrtime.bigint();
  const result = {
    requireMs: ms(t0, t1),
    activateMs: ms(t1, t2),
    totalMs: ms(t0, t2),
    readyMs: ms(t0, t3),
    commands: commands.size,
    undiciLoadedDuringActivation: duringActivation.undici,
    yamlLoadedDuringActivation: duringActivation.yaml,
    undiciLoadedAfterReady: loaded('undici.js'),
    yamlLoadedAfterReady: loaded('yaml.js'),
    activeProfile: profiles?.current?.()?.name ?? null,
  };
  for (const d of context.subscriptions)
    try {
      d?.dispose?.();
    } catch {
      /* stand-in */
    }
  return result;
}

async function main() {
  const cold = await activateOnce();
  const warm = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await activateOnce());
  const sorted = warm.map((w) => w.totalMs).sort((a, b) => a - b);
  fs.rmSync(home, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ cold, warm, warmMedianMs: sorted[sorted.length >> 1] })}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
