/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, __dirname, process, console, setTimeout, global, performance */
'use strict';
// Access overview benchmarks (Show Access, Export Access Matrix), self-contained: starts its own fake (a child process), runs the core scan
// over real HTTP and prints one JSON line {rows:[{name, values, unit, target, met}]} for the bench runner.
//   node test/bench/access.cjs [--quick]                 time: 50 projects × 100 members → full matrix, 50 ms latency
//   node --expose-gc test/bench/access.cjs --memory      heap growth for 200 projects × 500 members (matrix kept)
// Needs `tsc -p .` output in out/. Every server and child stops by itself (bounded lifetimes).
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const out = (p) => require(path.join(root, 'out', p));
const { createCosceneApi } = out('src/core/coscene/api.js');
const { createHttpClient } = out('src/core/http/undiciHttpClient.js');
const { AccessSession } = out('src/core/access/session.js');
const { throttleListener } = out('src/core/access/limiter.js');
const { formatAccessMatrix } = out('src/core/format/access.js');
const { parseAccessExport } = out('src/core/access/parseExport.js');
const { snapshotFromMatrix } = out('src/core/access/snapshot.js');
const { compareAccess } = out('src/core/access/compare.js');
const { FAKE_COSCENE } = out('test/fake/seed/coscene.js');

const { startFakeApi } = require('../support/fakeApi.cjs');
const { median } = require('../support/median.cjs');
const { bareRtt } = require('./rtt.cjs');

const quick = process.argv.includes('--quick');
const memoryMode = process.argv.includes('--memory');
const LATENCY = 50;

function apiFor(url, http, session) {
  return createCosceneApi({
    endpoint: url,
    token: FAKE_COSCENE.adminToken,
    profileName: 'bench',
    http,
    onRequest: throttleListener(session.throttleFor('bench')),
  });
}

async function timeMatrix() {
  const fake = await startFakeApi({
    latencyMs: LATENCY,
    seedUsers: 500,
    seedProjects: { count: 50, members: 100 },
    maxLifetimeMs: 600_000,
  });
  const http = createHttpClient({ env: {} });
  try {
    // The yardstick: a bare node:http round trip to the same fake (none of the product's code on it).
    const rtt = await bareRtt(fake.url, FAKE_COSCENE.adminToken);
    await apiFor(fake.url, http, new AccessSession()).getUser('users/current'); // warm the client's connection, untimed
    const runs = [];
    const compareRuns = [];
    let shape;
    let previous; // the JSON export of the first scan: what an admin saved at the last review
    let changes = 0;
    for (let i = 0; i < (quick ? 3 : 7); i++) {
      const session = new AccessSession(); // cold: nothing cached
      const t = performance.now();
      const matrix = await session.matrix('bench', apiFor(fake.url, http, session), { concurrency: 8 });
      runs.push(performance.now() - t);
      // Compare Access with a Previous Export against the current access: the scan above, then read the export and
      // compare (what the command does between the file being picked and the table being drawn).
      previous ??= formatAccessMatrix(matrix, 'json');
      const diff = compareAccess(parseAccessExport(previous, 'access-matrix-bench.json'), snapshotFromMatrix(matrix));
      compareRuns.push(performance.now() - t);
      changes = diff.changes.length;
      shape = { users: matrix.rows.length, projects: matrix.projects.length, csvKB: formatAccessMatrix(matrix, 'csv').length / 1024 };
    }
    const rttMs = median(rtt);
    const ms = median(runs);
    return [
      {
        name: `access matrix, ${shape.projects} projects × 100 members (${shape.users} users), concurrency 8, cold`,
        values: runs,
        unit: 'ms',
        target: '≤ 1000 ms',
        met: ms <= 1000,
      },
      {
        name: `compare access with a previous export: cold scan + read the JSON export + compare, ${shape.projects} projects × 100 members, ${LATENCY} ms latency (${changes} changes)`,
        values: compareRuns,
        unit: 'ms',
        target: '≤ 1200 ms',
        met: median(compareRuns) <= 1200,
      },
      {
        name: `access matrix RTT: bare node:http POST GetOrganization to its fake, injected latency ${LATENCY} ms`,
        values: rtt,
        unit: 'ms',
        target: '',
        met: undefined,
      },
      {
        name: 'access matrix time in round trips (× that RTT; ceil(50 / 8) = 7 would be the member reads alone)',
        values: runs.map((r) => r / rttMs),
        unit: '×',
        target: '',
        met: undefined,
      },
    ];
  } finally {
    await http.close();
    fake.stop();
  }
}

function heap() {
  for (let i = 0; i < 4; i++) global.gc();
  return process.memoryUsage().heapUsed;
}

async function memory() {
  if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');
  const fake = await startFakeApi({
    latencyMs: 0,
    seedUsers: 2000,
    seedProjects: { count: 200, members: 500 },
    maxLifetimeMs: 600_000,
  });
  const http = createHttpClient({ env: {} });
  try {
    // Warm up (HTTP, JIT) on a small call, then measure the matrix kept in the session cache.
    const session = new AccessSession();
    const api = apiFor(fake.url, http, session);
    await api.getUser('users/current');
    const before = heap();
    const matrix = await session.matrix('bench', api);
    const after = heap();
    const growthMB = (after - before) / 2 ** 20;
    const memberships = matrix.rows.reduce((n, r) => n + r.cells.filter(Boolean).length, 0);
    if (memberships < 200 * 500) throw new Error(`only ${memberships} memberships read`);
    return [
      {
        name: `access matrix heap, ${matrix.projects.length} projects × 500 members (${memberships} memberships, ${matrix.rows.length} users), cached`,
        values: [growthMB],
        unit: 'MB',
        target: '≤ 60 MB',
        met: growthMB <= 60,
      },
    ];
  } finally {
    await http.close();
    fake.stop();
  }
}

const guard = setTimeout(() => {
  console.error('access bench: 5 min limit');
  process.exit(2);
}, 300_000);
guard.unref();
(memoryMode ? memory() : timeMatrix()).then(
  (rows) => {
    process.stdout.write(`${JSON.stringify({ rows })}\n`);
    process.exit(0);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
