/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, __dirname, process, console, setTimeout, global */
'use strict';
// Heap growth with 10,000 users loaded in the organization users tree (flat view, every page loaded, every item
// built). Run with --expose-gc. Usage: node --expose-gc memory.cjs <fakeUrl> <adminToken> <project> <expectedUsers>
// Prints one JSON line. Heap is measured after forced GCs. `users` counts the distinct users in the tree's rows (the
// signed-in user's pinned "You" row is not a second user); the runner fails the row unless it is <expectedUsers>, so
// a Load more that stops early cannot pass with a small heap.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { installVscode, createContext } = require('../support/vscodeStub.cjs');

const root = path.resolve(__dirname, '../..');
const [url, token, project, expected] = process.argv.slice(2);
const expectedUsers = Number(expected);

function heap() {
  for (let i = 0; i < 4; i++) global.gc();
  return process.memoryUsage().heapUsed;
}

async function main() {
  if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');
  if (!(expectedUsers > 0)) throw new Error('usage: memory.cjs <fakeUrl> <adminToken> <project> <expectedUsers>');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'coscene-bench-home-'));
  process.env.HOME = home;
  Object.assign(process.env, { COS_ENDPOINT: url, COS_TOKEN: token, COS_PROJECT: project });
  const { commands } = installVscode({ settings: { 'coscene.users.pageSize': 100 } });
  const ext = require(path.join(root, 'dist/extension.js'));
  const context = createContext(root, 3); // Test mode: the bench reads the features through the test API
  const api = ext.activate(context);
  await api.profiles.ready;
  const tree = api.users.orgUsers; // the provider the Organization Users view shows
  await commands.get('coscene.orgUsers.showFlat')();
  // Warm everything up (HTTP chunk, JIT) with one page, then drop it and take the baseline.
  await tree.getChildren();
  tree.refresh();
  await new Promise((r) => setTimeout(r, 50));
  const before = heap();
  let children = await tree.getChildren();
  let pages = 1;
  for (; pages < 500; pages++) {
    const more = children.find((c) => c.command?.command === 'coscene.users.loadMore');
    if (!more) break;
    await tree.loadMore(more.command.arguments[0]);
    children = await tree.getChildren();
  }
  const userRows = children.filter((c) => c.contextValue === 'coscene.user');
  const users = new Set(userRows.map((c) => c.user?.name)).size;
  const unnamed = userRows.filter((c) => typeof c.user?.name !== 'string').length;
  const loadMoreLeft = children.some((c) => c.command?.command === 'coscene.users.loadMore');
  const after = heap();
  const result = {
    pages,
    loadMoreCalls: pages - 1,
    items: children.length,
    userRows: userRows.length,
    users,
    expectedUsers,
    unnamed,
    loadMoreLeft,
    heapBeforeMB: before / 2 ** 20,
    heapAfterMB: after / 2 ** 20,
    growthMB: (after - before) / 2 ** 20,
  };
  // Keep the tree alive until measured.
  if (children.length === 0) throw new Error('no users loaded');
  for (const d of context.subscriptions)
    try {
      d?.dispose?.();
    } catch {
      /* stand-in */
    }
  fs.rmSync(home, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const guard = setTimeout(() => {
  console.error('memory bench: 5 min limit');
  process.exit(2);
}, 300_000);
guard.unref();
main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
