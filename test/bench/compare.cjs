/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, __dirname, process, console, performance */
'use strict';
// Access review benchmarks in plain Node (no VS Code, no server): two access snapshots of 2,000 users × 200 projects
// (sparse memberships, ~10 projects per user; ~10% of memberships changed, plus joins, departures, renames, archived
// and renamed projects) built from matrices with the compiled core in out/ (`npx tsc -p .` first).
//   node test/bench/compare.cjs [--quick] [--runner]
// Rows: compareAccess of the two snapshots (target ≤ 200 ms, median of 9 runs), and parseAccessExport of the later
// matrix's JSON export (with the export header) + compareAccess (target ≤ 400 ms). Prints the figures on stderr and
// one JSON line {rows:[{name, values, unit, target, met}]} on stdout (the shape run.mjs reads). Exits 1 when a target is
// missed, unless --runner (run.mjs reports the miss itself and keeps the rows).
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const out = (p) => require(path.join(root, 'out', p));
const { snapshotFromMatrix } = out('src/core/access/snapshot.js');
const { parseAccessExport } = out('src/core/access/parseExport.js');
const { compareAccess } = out('src/core/access/compare.js');
const { formatAccessMatrix } = out('src/core/format/access.js');
const { median } = require('../support/median.cjs');

const quick = process.argv.includes('--quick');
const runner = process.argv.includes('--runner');
const RUNS = quick ? 3 : 9;
const USERS = 2000;
const PROJECTS = 200;
const PER_USER = 10;
const ROLES = ['PROJECT_READER', 'PROJECT_WRITER', 'PROJECT_ADMIN', 'PROJECT_LABELER'];
const ORG_ROLES = ['ORGANIZATION_READER', 'ORGANIZATION_WRITER', 'ORGANIZATION_ADMIN'];

/** mulberry32: the same matrices on every run and machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The earlier matrix and a later one with ~10% of memberships changed and some users / projects changed. */
function matrices() {
  const rnd = random(20261207);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const projects = Array.from({ length: PROJECTS }, (_, i) => ({
    project: { name: `projects/p-${i}`, slug: `project-${i}`, displayName: `Project ${i}`, description: '', archived: false },
    status: 'ok',
  }));
  const rows = Array.from({ length: USERS }, (_, u) => {
    const cells = new Array(PROJECTS).fill('');
    for (let k = 0; k < PER_USER; k++) cells[Math.floor(rnd() * PROJECTS)] = pick(ROLES);
    return {
      user: { name: `users/u-${u}`, nickname: `User ${u}`, email: `u${u}@example.com`, active: rnd() > 0.05 },
      orgRole: pick(ORG_ROLES),
      cells,
    };
  });
  const before = { projects, rows, orgRoles: { status: 'ok' }, includeArchived: true, finishedAt: Date.UTC(2026, 10, 1) };

  let changed = 0;
  let memberships = 0;
  const afterRows = rows
    .filter(() => rnd() > 0.02) // ~2% left
    .map((r) => {
      const cells = r.cells.map((c) => {
        if (c) memberships++;
        const x = rnd();
        if (c && x < 0.04) return (changed++, ''); // lost
        if (c && x < 0.08) return (changed++, pick(ROLES.filter((role) => role !== c))); // role changed
        if (!c && x < 0.002) return (changed++, pick(ROLES)); // gained
        return c;
      });
      const renamed = rnd() < 0.02;
      return { ...r, user: { ...r.user, ...(renamed ? { nickname: `${r.user.nickname} (renamed)` } : {}) }, cells };
    });
  for (let u = USERS; u < USERS + 40; u++)
    // ~2% joined
    afterRows.push({
      user: { name: `users/u-${u}`, nickname: `User ${u}`, email: `u${u}@example.com`, active: true },
      orgRole: 'ORGANIZATION_READER',
      cells: Array.from({ length: PROJECTS }, () => (rnd() < PER_USER / PROJECTS ? pick(ROLES) : '')),
    });
  const afterProjects = projects.map((p, i) => ({
    ...p,
    project: {
      ...p.project,
      ...(i % 50 === 1 ? { archived: true } : {}),
      ...(i % 50 === 2 ? { slug: `${p.project.slug}-renamed` } : {}),
    },
  }));
  const after = {
    projects: afterProjects,
    rows: afterRows,
    orgRoles: { status: 'ok' },
    includeArchived: true,
    finishedAt: Date.UTC(2026, 11, 1),
  };
  return { before, after, shape: { memberships, changed } };
}

function time(fn) {
  const values = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    result = fn();
    values.push(performance.now() - t);
  }
  return { values, result };
}

function main() {
  const { before, after, shape } = matrices();
  const facts = {
    organization: 'bench',
    profile: 'bench',
    endpoint: 'https://openapi.coscene.cn',
    readAt: after.finishedAt,
    filters: { roleCodes: [], projects: [], includeArchived: true, inactiveWithRoleOnly: false },
    extensionVersion: 'bench',
  };
  const a = snapshotFromMatrix(before, { ...facts, readAt: before.finishedAt });
  const b = snapshotFromMatrix(after, facts);
  const json = formatAccessMatrix(after, 'json', undefined, facts);
  compareAccess(a, b); // warm the JIT, untimed
  parseAccessExport(json, 'access-matrix-bench-20261201-0000.json');

  const compare = time(() => compareAccess(a, b));
  const parse = time(() =>
    compareAccess(a, parseAccessExport(json, 'access-matrix-bench-20261201-0000.json', { expectOrganization: 'bench' })),
  );
  const changes = compare.result.changes.length;
  if (parse.result.changes.length !== changes)
    throw new Error(`parse+compare found ${parse.result.changes.length} changes, compare ${changes}`);
  const label = `${USERS} users × ${PROJECTS} projects, ${shape.memberships} memberships, ${changes} changes`;
  const compareMs = median(compare.values);
  const parseMs = median(parse.values);
  const rows = [
    {
      name: `access review: compareAccess of two snapshots (${label})`,
      values: compare.values,
      unit: 'ms',
      target: '≤ 200 ms',
      met: compareMs <= 200,
    },
    {
      name: `access review: parseAccessExport of the JSON export (${(json.length / 2 ** 20).toFixed(1)} MB) + compareAccess`,
      values: parse.values,
      unit: 'ms',
      target: '≤ 400 ms',
      met: parseMs <= 400,
    },
  ];
  for (const r of rows)
    console.error(
      `${r.name}: median ${median(r.values).toFixed(1)} ms (min ${Math.min(...r.values).toFixed(1)}, max ${Math.max(...r.values).toFixed(1)}, n ${r.values.length}); target ${r.target}: ${r.met ? 'met' : 'MISSED'}`,
    );
  process.stdout.write(`${JSON.stringify({ rows })}\n`);
  return rows.every((r) => r.met);
}

try {
  const met = main();
  process.exit(met || runner ? 0 : 1);
} catch (err) {
  console.error(err);
  process.exit(2);
}
