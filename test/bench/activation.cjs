/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, __dirname, process, console */
'use strict';
// One cold activation in this (fresh) process: load dist/extension.js and run activate() with the vscode stand-in.
// Prints one JSON line. Run by run.mjs once per sample.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { installVscode, createContext } = require('./vscodeStub.cjs');

const root = path.resolve(__dirname, '../..');
const dist = process.env.BENCH_DIST ?? path.join(root, 'dist');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'coscene-bench-home-'));
// A realistic setup: a cocli file with one profile (so the profile load after activation has something to parse).
fs.writeFileSync(path.join(home, '.cocli.yaml'), [
  'current-profile: bench',
  'profiles:',
  '  - name: bench',
  '    endpoint: http://127.0.0.1:9',
  '    token: bench-token-0000000000',
  '    project: org/proj',
  '    org: org',
  '',
].join('\n'));
process.env.HOME = home;
process.env.USERPROFILE = home;
for (const k of ['COS_ENDPOINT', 'COS_TOKEN', 'COS_PROJECT']) delete process.env[k];

// The extension host has long loaded Node's built-in modules when extensions activate; preload the ones the bundle
// imports so the figure is the extension's own cost. `--cold` skips this (a fresh Node process).
const cold = process.argv.includes('--cold');
if (!cold) for (const m of ['node:fs', 'node:os', 'node:path', 'node:net', 'node:crypto', 'node:child_process', 'node:buffer', 'node:stream', 'node:events']) require(m);

const { commands } = installVscode({ settings: { 'coscene.cocliConfigPath': path.join(home, '.cocli.yaml') } });
const context = createContext(root);
const loaded = (file) => require.cache[path.join(dist, file)] !== undefined;

async function main() {
  const t0 = process.hrtime.bigint();
  const ext = require(path.join(dist, 'extension.js'));
  const t1 = process.hrtime.bigint();
  const api = ext.activate(context);
  const t2 = process.hrtime.bigint();
  const duringActivation = { http: loaded('http.js'), yaml: loaded('yaml.js'), permissions: loaded('permissions.js'), users: loaded('users.js'), registry: loaded('registry.js') };
  // The profile load that activate() starts (file read + parse) finishes asynchronously; time it too.
  const profiles = api?.features?.profiles;
  if (profiles?.ready) await profiles.ready;
  const t3 = process.hrtime.bigint();
  const ms = (a, b) => Number(b - a) / 1e6;
  const result = {
    requireMs: ms(t0, t1),
    activateMs: ms(t1, t2),
    totalMs: ms(t0, t2),
    readyMs: ms(t0, t3),
    commands: commands.size,
    httpLoadedDuringActivation: duringActivation.http,
    yamlLoadedDuringActivation: duringActivation.yaml,
    permissionsLoadedDuringActivation: duringActivation.permissions,
    usersLoadedDuringActivation: duringActivation.users,
    registryLoadedDuringActivation: duringActivation.registry,
    httpLoadedAfterReady: loaded('http.js'),
    yamlLoadedAfterReady: loaded('yaml.js'),
    cold,
    activeProfile: profiles?.current?.()?.name ?? null,
  };
  for (const d of context.subscriptions) try { d?.dispose?.(); } catch { /* stand-in */ }
  fs.rmSync(home, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
