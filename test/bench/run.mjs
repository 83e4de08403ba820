// `npm run bench`: builds what it needs, runs every benchmark in child processes (bounded runs, everything stops
// by itself), prints one table (median / min / max) and writes test/bench/RESULTS.md. Exits 1 when a target
// is missed or a row that has a target could not be measured; the last line names them.
import { execFileSync, spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 9;
const LIST_RUNS = quick ? 2 : 7;
const ACTIVATION_RUNS = quick ? 5 : 15;
const LATENCIES = [0, 50];
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const log = (s) => process.stderr.write(`${s}\n`);
const loadBefore = os.loadavg();

function sh(cmd, args, { mayFail = false } = {}) {
  try {
    execFileSync(cmd, args, { cwd: root, stdio: ['ignore', process.stderr, 'inherit'], timeout: 300_000 });
  } catch (err) {
    if (!mayFail) throw err;
    log(`bench: ${cmd} ${args.join(' ')} reported errors (see above); going on with what it emitted.`);
  }
}

/** Runs a node script, returns its last JSON line. */
function node(args, timeoutMs = 600_000) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d) => (out += d));
    child.once('close', (code) => {
      clearTimeout(timer);
      const line = out
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .pop();
      if (code === 0 && line) resolve(JSON.parse(line));
      else reject(new Error(`node ${args.join(' ')} exited ${code}`));
    });
  });
}

function startFake(latency) {
  const child = spawn(
    process.execPath,
    ['out/test/fake/cli.js', '--port', '0', '--latency', String(latency), '--seed-users', '10000', '--max-lifetime-ms', '600000'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ url: JSON.parse(line).url, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`fake exited ${code}`)));
  });
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });
const kb = (file) => statSync(path.join(root, file)).size / 1024;

const rows = [];
/** A row: figure, stats (or a single value), unit, target text, met? */
function row(name, s, unit, target = '', met = undefined) {
  rows.push({ name, s: typeof s === 'number' ? { median: s, min: s, max: s, n: 1 } : s, unit, target, met });
}
/** A row with a target that could not be measured: it counts like a missed target, with the reason. */
function unmeasured(name, target, reason) {
  rows.push({ name, s: { median: NaN, min: NaN, max: NaN, n: 0 }, unit: 'ms', target, met: false, unmeasured: reason });
}

// ---- build ----
log('bench: compiling (tsc) and packaging (esbuild --production + vsce)…');
sh(npx, ['tsc', '-p', '.'], { mayFail: true }); // tsc emits despite type errors (another change in progress)
sh(npm, ['run', '--silent', 'package']);

// ---- 1. activation + sizes ----
log(`bench: activation in ${ACTIVATION_RUNS} fresh processes (cold, then warm)…`);
const act = [];
for (let i = 0; i < ACTIVATION_RUNS; i++) act.push(await node(['test/bench/activation.cjs']));
const warmAct = stats(act.map((a) => a.warmMedianMs));
const coldAct = stats(act.map((a) => a.cold.totalMs));
row('Activation warm: load bundle + activate()', warmAct, 'ms', '≤ 10 ms', warmAct.median <= 10);
row('  of which activate()', stats(act.flatMap((a) => a.warm.map((w) => w.activateMs))), 'ms');
row('Activation cold: first require in a fresh process + activate()', coldAct, 'ms', '≤ 20 ms', coldAct.median <= 20);
row('  profiles ready (cocli file read + parsed), cold', stats(act.map((a) => a.cold.readyMs)), 'ms');
const httpLoaded = act.some((a) => a.cold.undiciLoadedDuringActivation || a.warm.some((w) => w.undiciLoadedDuringActivation));
const yamlLoaded = act.some((a) => a.cold.yamlLoadedDuringActivation || a.warm.some((w) => w.yamlLoadedDuringActivation));
row('  undici (dist/undici.js) loaded during activation', httpLoaded ? 1 : 0, httpLoaded ? 'YES' : 'no', 'no', !httpLoaded);
row('  yaml (dist/yaml.js) loaded during activation', yamlLoaded ? 1 : 0, yamlLoaded ? 'YES' : 'no', 'no', !yamlLoaded);
row('Size dist/extension.js', kb('dist/extension.js'), 'KB', '≤ 200 KB', kb('dist/extension.js') <= 200);
row('Size dist/undici.js (lazy)', kb('dist/undici.js'), 'KB');
row('Size dist/yaml.js (lazy)', kb('dist/yaml.js'), 'KB');

// ---- 2./3. network: first page, view, full listing ----
const net = {};
for (const latency of LATENCIES) {
  log(`bench: network at ${latency} ms (${RUNS} runs, ${LIST_RUNS} full listings)…`);
  net[latency] = await node(['test/bench/network.cjs', String(latency), String(RUNS), String(LIST_RUNS)]);
}
for (const latency of LATENCIES) {
  const n = net[latency];
  const rtt = median(n.rttMs);
  const fp = stats(n.firstPageMs);
  const at50 = latency === 50;
  row(`[${latency} ms] RTT (GetOrganization)`, stats(n.rttMs), 'ms');
  row(
    `[${latency} ms] First page of a role group (50 users)`,
    fp,
    'ms',
    at50 ? `≤ 1 RTT + 15 = ${(rtt + 15).toFixed(0)} ms` : '',
    at50 ? fp.median <= rtt + 15 : undefined,
  );
  row(`[${latency} ms]   first request of the process (loads undici)`, n.firstPageColdMs, 'ms');
  row(`[${latency} ms] Users view open (roles + ${n.groups} groups' first pages)`, stats(n.viewOpenMs), 'ms');
  row(`[${latency} ms] Expand a role group in the open view`, stats(n.expandMs), 'ms');
  const list = stats(n.listMs);
  row(`[${latency} ms] Full listing ${n.listed} users, ${n.pages} pages × 100`, list, 'ms');
  if (latency > 0) {
    const ratioNominal = stats(n.listMs.map((x) => x / (n.pages * latency)));
    const ratioRtt = stats(n.listMs.map((x) => x / (n.pages * rtt)));
    row(`[${latency} ms]   ratio to pages × measured RTT`, ratioRtt, '×', '≤ 1.1', ratioRtt.median <= 1.1);
    row(`[${latency} ms]   ratio to pages × injected latency`, ratioNominal, '×');
  } else {
    row(`[${latency} ms]   per page (server + client, no latency)`, stats(n.listMs.map((x) => x / n.pages)), 'ms');
  }
  row(`[${latency} ms] Format 10,000 users as json / table`, stats(n.formatJsonMs), 'ms');
  row(`[${latency} ms]   table`, stats(n.formatTableMs), 'ms');
}

// ---- 4. memory ----
log('bench: memory (10,000 users in the tree)…');
{
  const fake = await startFake(0);
  try {
    const { FAKE_COSCENE } = await import(path.join(root, 'out/test/fake/server.js'));
    const mem = [];
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      mem.push(
        await node(
          [
            '--expose-gc',
            'test/bench/memory.cjs',
            fake.url,
            FAKE_COSCENE.adminToken,
            `${FAKE_COSCENE.orgSlug}/${FAKE_COSCENE.projectSlugs[0]}`,
          ],
          300_000,
        ),
      );
    }
    const growth = stats(mem.map((m) => m.growthMB));
    row(`Heap growth, ${mem[0].users} users in the tree (after GC)`, growth, 'MB', '≤ 30 MB', growth.median <= 30);
  } finally {
    fake.stop();
  }
}

// ---- 4b. access overview (issue 14): self-contained in test/bench/access.cjs, which prints its own rows ----
log('bench: access matrix (50 projects × 100 members at 50 ms; heap for 200 × 500)…');
for (const args of [
  ['test/bench/access.cjs', ...(quick ? ['--quick'] : [])],
  ['--expose-gc', 'test/bench/access.cjs', '--memory'],
]) {
  for (const r of (await node(args, 300_000)).rows) row(r.name, stats(r.values), r.unit, r.target, r.met);
}

// ---- 5. registry login ----
for (const latency of LATENCIES) {
  log(`bench: registry login at ${latency} ms…`);
  const r = await node(['test/bench/registry.cjs', String(latency), String(RUNS)], 300_000);
  if (r.skipped) {
    unmeasured(`[${latency} ms]   overhead (median − median)`, '≤ 1 RTT + 100 ms', r.skipped);
    continue;
  }
  const ext = stats(r.extensionMs);
  const bare = stats(r.bareMs);
  const overhead = ext.median - bare.median;
  const rtt = latency === 0 ? median(net[0].rttMs) : median(net[latency].rttMs);
  row(`[${latency} ms] Registry login, extension path`, ext, 'ms');
  row(`[${latency} ms] Registry login, bare docker login`, bare, 'ms');
  row(
    `[${latency} ms]   overhead (median − median)`,
    overhead,
    'ms',
    `≤ 1 RTT + 100 = ${(rtt + 100).toFixed(0)} ms`,
    overhead <= rtt + 100,
  );
}

// ---- 6. the user's path in the real extension host (code-server + the vsix, chromium) ----
for (const latency of LATENCIES) {
  log(`bench: user path in code-server at ${latency} ms (${RUNS} runs)…`);
  const rtt = median(net[latency].rttMs);
  const tag = `[${latency} ms] code-server:`;
  let u;
  try {
    u = await node(['test/bench/userPath.mjs', String(latency), String(RUNS)], 600_000);
  } catch (error) {
    unmeasured(`${tag} expand a loaded role group → rows`, '≤ 50 ms, no request', error.message);
    unmeasured(`${tag} Load more → rows`, `≤ 1 RTT + 30 ms`, error.message);
    continue;
  }
  const expand = stats(u.expandMs);
  const requests = Math.max(...u.expandRequests);
  row(`${tag} expand a loaded role group → rows`, expand, 'ms', '≤ 50 ms', expand.median <= 50);
  row(`${tag}   requests sent by that expand (max)`, requests, 'req', '0', requests === 0);
  const more = stats(u.loadMoreMs);
  row(`${tag} Load more → rows`, more, 'ms', `≤ 1 RTT + 30 = ${(rtt + 30).toFixed(0)} ms`, more.median <= rtt + 30);
  // Not automated yet; each counts as missed until it is (see issue 13).
  unmeasured(
    `${tag} view open → first rows (roles + first pages)`,
    `≤ 2 RTT + 30 = ${(2 * rtt + 30).toFixed(0)} ms`,
    'not automated in code-server yet (needs a freshness marker for re-rendered rows)',
  );
  unmeasured(
    `${tag} registry login command − bare docker login`,
    `≤ 1 RTT + 100 = ${(rtt + 100).toFixed(0)} ms`,
    'not automated in code-server yet (the plain-Node figure is above)',
  );
  unmeasured(`${tag} Huawei sign-in → repositories`, `≤ 2 RTT + 50 = ${(2 * rtt + 50).toFixed(0)} ms`, 'not automated in code-server yet');
}
unmeasured(
  'Window reload → first coScene row vs a static tree extension',
  '≤ 1.2 ×',
  'not automated yet (needs the minimal static-tree extension)',
);

// ---- 7. package ----
const vsix = kb('dist/coscene-access.vsix');
row('Package dist/coscene-access.vsix', vsix, 'KB', '≤ 400 KB', vsix <= 400);

// ---- report ----
const loadAfter = os.loadavg();
const fmt = (x) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memGB: (os.totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  os: `${os.type()} ${os.release()}`,
  load: `${loadBefore.map((l) => l.toFixed(2)).join(' ')} → ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`,
};
const header = '| Figure | median | min | max | n | target | met |';
const lines = [header, '|---|--:|--:|--:|--:|---|---|'];
for (const r of rows) {
  const unitOnly = !['ms', 'KB', 'MB', '×', 'req'].includes(r.unit);
  const cell = (x) => (unitOnly ? r.unit : `${fmt(x)} ${r.unit}`);
  if (r.unmeasured) {
    lines.push(`| ${r.name} | not measured: ${r.unmeasured} | | | 0 | ${r.target} | **no** |`);
    continue;
  }
  lines.push(
    `| ${r.name} | ${cell(r.s.median)} | ${r.s.n > 1 ? cell(r.s.min) : ''} | ${r.s.n > 1 ? cell(r.s.max) : ''} | ${r.s.n} | ${r.target} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`,
  );
}
const machineText = `${machine.cpu}, ${machine.cores} cores, ${machine.memGB} GB RAM, Node ${machine.node}, ${machine.os}; load average (1/5/15 min) ${machine.load}`;
process.stdout.write(`\n${lines.join('\n')}\n\nMachine: ${machineText}\n`);
const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
writeFileSync(
  path.join(here, 'RESULTS.md'),
  `# Benchmark results

Generated by \`npm run bench\` (test/bench/run.mjs) on ${now}${quick ? ' (--quick)' : ''}. Fake API with injected latency
per request (0 ms and 50 ms), 10,000 users; activation with a vscode stand-in (test/bench/vscodeStub.cjs); registry
login against a local docker-registry with a temporary DOCKER_CONFIG.

Machine: ${machineText}

${lines.join('\n')}

Notes: "cold" is the first require of dist/extension.js in a fresh process (Node's built-ins it uses not loaded yet);
"warm" loads and activates it again in that process after dropping it from the require cache. The first
page target is measured with the calls the users tree makes for a group not yet loaded (PageCursor → ListUsers,
role.code filter, page size 50); in the real view every group's first page is already loaded when the view opens,
so expanding costs no request (row "Expand a role group"). RTT is the median GetOrganization round trip at that latency.
`,
);

// ---- headline ----
const get = (prefix) => rows.find((r) => r.name.startsWith(prefix));
const h = [
  `activation warm ${fmt(get('Activation warm').s.median)} ms, cold ${fmt(get('Activation cold').s.median)} ms (activate() ${fmt(get('  of which activate()').s.median)} ms), undici loaded: ${httpLoaded ? 'yes' : 'no'}`,
  `dist/extension.js ${fmt(kb('dist/extension.js'))} KB, vsix ${fmt(vsix)} KB`,
  `first page @50 ms ${fmt(get('[50 ms] First page').s.median)} ms (RTT ${fmt(median(net[50].rttMs))} ms)`,
  `10,000-user listing @50 ms ${fmt(get('[50 ms] Full listing').s.median / 1000)} s = ${fmt(get('[50 ms]   ratio to pages × measured RTT').s.median)} × pages×RTT`,
  `heap for 10,000 users ${fmt(get('Heap growth').s.median)} MB`,
  `registry login overhead @50 ms ${fmt(get('[50 ms]   overhead')?.s.median ?? NaN)} ms`,
];
process.stdout.write(`\nHeadline: ${h.join('; ')}\n`);
const missed = rows
  .filter((r) => r.met === false && !r.unmeasured)
  .map((r) => `${r.name.trim()} (${fmt(r.s.median)} ${r.unit}, target ${r.target})`);
const notMeasured = rows.filter((r) => r.unmeasured).map((r) => `${r.name.trim()} (${r.unmeasured})`);
const verdict = [
  missed.length ? `Targets missed: ${missed.join('; ')}` : '',
  notMeasured.length ? `Not measured: ${notMeasured.join('; ')}` : '',
].filter(Boolean);
process.stdout.write(verdict.length ? `${verdict.join('. ')}\n` : `All ${rows.filter((r) => r.met !== undefined).length} targets met.\n`);
process.exitCode = verdict.length ? 1 : 0;
