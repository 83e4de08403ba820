/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, __dirname, process, console, Buffer, setTimeout */
'use strict';
// Network benchmarks against the fake API (a separate process with injected latency, 10,000 users):
// RTT (bare node:http, and through the client), first page of a role group, view open, full export listing. Usage: node network.cjs <latencyMs> <runs> <listRuns>
// Prints one JSON line with the raw samples (milliseconds). Everything it starts stops by itself.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { installVscode, createContext } = require('../support/vscodeStub.cjs');
const { startFakeApi } = require('../support/fakeApi.cjs');
const { bareRtt } = require('./rtt.cjs');

const root = path.resolve(__dirname, '../..');
const out = path.join(root, 'out');
const dist = path.join(root, 'dist');
const latency = Number(process.argv[2] ?? 0);
const runs = Math.min(30, Number(process.argv[3] ?? 9));
const listRuns = Math.min(15, Number(process.argv[4] ?? 7));
const USERS = 10_000;
const now = () => Number(process.hrtime.bigint()) / 1e6;

async function main() {
  const { FAKE_COSCENE } = require(path.join(out, 'test/fake/server.js'));
  // In its own process, so its CPU does not share our event loop; stopped at the end, and it stops itself.
  const fake = await startFakeApi({ latencyMs: latency, seedUsers: USERS, maxLifetimeMs: 600_000 });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'coscene-bench-home-'));
  try {
    process.env.HOME = home;
    process.env.COS_ENDPOINT = fake.url;
    process.env.COS_TOKEN = FAKE_COSCENE.adminToken;
    process.env.COS_PROJECT = `${FAKE_COSCENE.orgSlug}/${FAKE_COSCENE.projectSlugs[0]}`;
    process.env.COS_ORG = FAKE_COSCENE.orgSlug; // no GetOrganization in the background

    // Core modules exactly as the tree and the export use them; the HTTP stack is the production chunk, loaded lazily.
    const { createCosceneApi } = require(path.join(out, 'src/core/coscene/api.js'));
    const { PageCursor, collectAll } = require(path.join(out, 'src/core/paging/index.js'));
    const { roleCodeFilter } = require(path.join(out, 'src/core/format/filter.js'));
    const { formatUsers } = require(path.join(out, 'src/core/format/users.js'));
    const http = require('./httpChunk.cjs').createChunkHttpClient({});
    const api = createCosceneApi({ endpoint: fake.url, token: FAKE_COSCENE.adminToken, profileName: 'bench', http });
    const firstPage = async (code) => {
      const cursor = new PageCursor((pageToken, s) =>
        api.listUsers({ pageSize: 50, pageToken: pageToken || undefined, filter: roleCodeFilter(code) }, s),
      );
      const t = now();
      await cursor.loadNext();
      const ms = now() - t;
      if (cursor.items.length === 0) throw new Error(`no users with role ${code}`);
      return ms;
    };

    const result = { latency, runs, listRuns, users: USERS };
    // 1. Cold: the first request of the process (requires undici, opens the connection). One sample per process.
    result.firstPageColdMs = await firstPage('ORGANIZATION_WRITER');
    // The yardstick of the targets: the same small request as a bare node:http POST (none of the product's code).
    result.bareRttMs = await bareRtt(fake.url, FAKE_COSCENE.adminToken);
    // For comparison, no target: the same call through the product's client (its overhead included).
    result.clientRttMs = [];
    for (let i = 0; i < runs; i++) {
      const t = now();
      await api.getOrganization();
      result.clientRttMs.push(now() - t);
    }
    // 2. Warm first page of a role group (what expanding a not yet loaded group costs).
    const codes = ['ORGANIZATION_WRITER', 'ORGANIZATION_READER', 'ORGANIZATION_ADMIN'];
    result.firstPageMs = [];
    for (let i = 0; i < runs; i++) result.firstPageMs.push(await firstPage(codes[i % codes.length]));

    // 3. The real users tree (bundle + vscode stand-in): open the view (roles + first page of every group), expand a group.
    installVscode({ settings: {} });
    const ext = require(path.join(dist, 'extension.js'));
    const context = createContext(root, 3); // Test mode: the bench reads the features through the test API
    const extApi = ext.activate(context);
    await extApi.profiles.ready;
    const tree = extApi.users.orgUsers; // the provider the Organization Users view shows
    result.viewOpenMs = [];
    result.expandMs = [];
    let groups = 0;
    for (let i = 0; i < runs; i++) {
      tree.refresh();
      const t = now();
      const children = await tree.getChildren();
      result.viewOpenMs.push(now() - t);
      const group = children.find((c) => typeof c.code === 'string' && c.cursor);
      if (!group) throw new Error(`no role group in the tree: ${JSON.stringify(children.map((c) => c.label))}`);
      groups = children.filter((c) => c.cursor).length;
      const t2 = now();
      const users = await tree.getChildren(group);
      result.expandMs.push(now() - t2);
      if (users.length === 0) throw new Error('expanded group is empty');
    }
    result.groups = groups;

    // 4. Full listing for export: sequential page-token walk at page size 100, then formatting (json and table).
    result.listMs = [];
    result.formatJsonMs = [];
    result.formatTableMs = [];
    for (let i = 0; i < listRuns; i++) {
      let pages = 0;
      const t = now();
      const { items } = await collectAll((pageToken, s) => {
        pages++;
        return api.listUsers({ pageSize: 100, pageToken: pageToken || undefined }, s);
      });
      result.listMs.push(now() - t);
      result.pages = pages;
      result.listed = items.length;
      const t2 = now();
      const json = formatUsers(items, 'json');
      result.formatJsonMs.push(now() - t2);
      const t3 = now();
      const table = formatUsers(items, 'table');
      result.formatTableMs.push(now() - t3);
      result.exportBytes = { json: Buffer.byteLength(json), table: Buffer.byteLength(table) };
    }
    for (const d of context.subscriptions)
      try {
        d?.dispose?.();
      } catch {
        /* stand-in */
      }
    await http.close();
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    fake.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

const guard = setTimeout(() => {
  console.error('network bench: 10 min limit');
  process.exit(2);
}, 600_000);
guard.unref();
main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
