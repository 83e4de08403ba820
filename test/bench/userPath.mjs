// What the user waits for, in the real extension host: code-server with the built vsix installed, driven by
// playwright-core in Debian chromium like the UI tests, against the fake API with `latency` ms per request.
// Times are taken in the page (performance.now() of the user's mousedown / Enter → first animation frame with the
// awaited rows in the DOM). Every awaited row carries a mark that changes per run (a role or repository renamed in
// the fake, a fresh registry user), so a row left from the previous run never stops a timer.
// Usage: node test/bench/userPath.mjs <latencyMs> <runs> [phases]; phases (comma-separated, default all):
//   tree     Refresh → groups, expand a loaded group, Load more
//   open     reload with the Explorer shown, then open the coScene container → Organization Users groups
//   registry "Log In to Container Registry" → its notification, and a bare `docker login` with the same credentials
//   huawei   IAM sign-in (last Enter) → the repositories
//   reload   window reload with the coScene views open → first coScene row, and the first row of a static tree
//            view (test/bench/staticTree.mjs) in the same side bar (its own code-server)
// Prints one JSON line: samples per figure, the RTT from Node (bare node:http, the targets' yardstick, and through
// the extension's client), load averages, and `errors` per failed phase.
// Needs `tsc -p .` and the vsix.
/* global window -- read in the page (page.evaluate / waitForFunction) */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { launchChromium } from '../support/browser.cjs';
import { startFakeApi } from '../support/fakeApi.cjs';
import { fakeSeed, fakeSettings, writeDemoCocliConfig, writeMachineSettings } from '../tools/fake-env.mjs';
import { ensureHost, installExtension, makeSandbox, startCodeServer, writeUserSettings } from '../tools/host.mjs';
import { ROOT, VSIX } from '../tools/paths.mjs';
import { armTimer, firstRowRecorder, reloadFromPage } from './inPage.mjs';
import { bareDockerLogin } from './processes.cjs';
import { bareRtt } from './rtt.cjs';
import { buildStaticTreeVsix, STATIC_VIEW_TITLE } from './staticTree.mjs';

const latency = Number(process.argv[2] ?? 50);
const runs = Math.min(15, Number(process.argv[3] ?? 7));
const ALL_PHASES = ['tree', 'open', 'registry', 'huawei', 'reload'];
const phases = (process.argv[4] ?? ALL_PHASES.join(',')).split(',').filter(Boolean);
for (const p of phases) if (!ALL_PHASES.includes(p)) throw new Error(`unknown phase ${p}; phases: ${ALL_PHASES.join(', ')}`);
const require = createRequire(import.meta.url);
const out = (...p) => join(ROOT, 'out', ...p);
// The UI tests' workbench driver (test/support/workbenchDriver.ts, compiled): the same clicks and waits as test/e2e.
const { activityTab, answerQuickInput, exactly, fillQuickInput, focusView, paletteRow, pickQuickItem, runCommand, viewPane } = require(
  out('test', 'support', 'workbenchDriver.js'),
);
const log = (s) => process.stderr.write(`userPath: ${s}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const NLS = require(join(ROOT, 'package.nls.json'));
const CONTAINER = NLS['container.title'];
const ORG_VIEW = NLS['view.orgUsers'];
const COSCENE_VIEWS = [NLS['view.orgUsers'], NLS['view.projectUsers'], NLS['view.roles'], NLS['view.permissions']];
const PERMISSIONS_VIEW = NLS['view.permissions'];
const GROUP = 'Organization Reader'; // more users than one page (see test/e2e/users.test.ts)
const MARKED_ROLE = 'ORGANIZATION_ADMIN'; // renamed per run: its group row shows that run's mark
const TREE_ROW = '[role="treeitem"]';
const rowWithLabel = (label) => `${TREE_ROW}[aria-label^="${label}"]`;
/**
 * Where a timed action's time went, from the fake's request log (arrival times, Date.now(); the page's clock is the
 * same system clock): [action → first request, last request's answer (arrival + latency) → rows, requests].
 */
function split(fake, { ms, at }) {
  const during = fake.stats.requests.filter((r) => r.timeMs >= at - 1 && r.timeMs <= at + ms);
  if (during.length === 0) return [NaN, NaN, 0];
  return [during[0].timeMs - at, at + ms - (during.at(-1).timeMs + latency), during.length];
}
const fmtSplit = ([first, tail, n]) =>
  `${n} requests, first after ${first.toFixed(0)} ms, rows ${tail.toFixed(0)} ms after the last answer`;

const mark = (i) => `r${i}-${randomBytes(3).toString('hex')}`;

/**
 * GetOrganization round trips from Node to the fake: `bare` (the targets' RTT) as a bare keep-alive node:http POST
 * (test/bench/rtt.cjs), `client` (for comparison only) through the extension's HTTP stack, warm connection.
 */
async function measureRtt(url) {
  const { FAKE_COSCENE } = fakeSeed();
  const bare = await bareRtt(url, FAKE_COSCENE.adminToken);
  const { createCosceneApi } = require(out('src', 'core', 'coscene', 'api.js'));
  const http = require('./httpChunk.cjs').createChunkHttpClient({});
  const api = createCosceneApi({ endpoint: url, token: FAKE_COSCENE.adminToken, profileName: 'bench', http });
  const samples = [];
  try {
    await api.getOrganization();
    for (let i = 0; i < 9; i++) {
      const t = performance.now();
      await api.getOrganization();
      samples.push(performance.now() - t);
    }
  } finally {
    await http.close();
  }
  return { bare, client: samples };
}

/** A sandbox with the vsix (and `extraVsix`) installed, code-server on it, and the workbench open in chromium. */
async function openWorkbench(fake, { name, extraVsix = [], settings = {} }) {
  const url = fake.url.replace(/\/$/, '');
  const dirs = makeSandbox(name);
  const cocli = writeDemoCocliConfig(join(dirs.base, 'cocli.yaml'), url);
  const all = { ...fakeSettings(cocli, url), ...settings };
  writeUserSettings(dirs, all);
  writeMachineSettings(dirs, all);
  await installExtension(dirs, VSIX);
  for (const vsix of extraVsix) await installExtension(dirs, vsix);
  const server = await startCodeServer(dirs, { logFile: join(dirs.base, 'code-server.log') });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(60_000);
  await page.goto(`${server.url}?folder=${encodeURIComponent(server.folder)}`);
  await activityTab(page, CONTAINER).waitFor();
  // Activated (the profile's status bar entry): the palette offers the commands gated on a profile from then on.
  await page.locator('.statusbar .statusbar-item', { hasText: 'demo' }).first().waitFor();
  const close = async () => {
    await browser.close().catch(() => {});
    await server.stop();
  };
  return { dirs, page, close };
}

/** Resolves once the fake has answered nothing new for `quietMs` (the request log is capped: compare its last entry). */
function settledOn(fake) {
  return async (quietMs = 400) => {
    const last = () => fake.stats.requests.at(-1);
    for (let i = 0, seen = Symbol('start'); i < 100 && seen !== last(); i++) {
      seen = last();
      await sleep(quietMs);
    }
  };
}

// ---- phases in the main workbench ----

async function treePhase({ page, fake, settled }, result) {
  Object.assign(result, { refreshMs: [], refreshSplit: [], expandMs: [], expandRequests: [], loadMoreMs: [], loadMoreSplit: [] });
  const role = fake.coscene.rolesByCode.get(MARKED_ROLE);
  const pane = await focusView(page, ORG_VIEW);
  const header = pane.locator('.pane-header');
  const group = pane.locator(rowWithLabel(GROUP));
  await group.waitFor(); // the extension is active and the view has loaded once
  for (let i = 0; i < runs + 1; i++) {
    // the first round warms up (chunks, caches) and is dropped
    // Refresh (the view's own button) with the marked role renamed: until its group row shows the new name.
    const tag = mark(i);
    role.displayName = `Organization Admin ${tag}`;
    await header.hover();
    const refresh = armTimer(page, { pane: ORG_VIEW, selector: TREE_ROW, text: tag });
    await header.locator('.actions [aria-label^="Refresh"]').click();
    const refreshed = await refresh;
    const refreshMs = refreshed.ms;
    const refreshSplit = split(fake, refreshed);
    await settled();
    await group.waitFor();
    if ((await group.getAttribute('aria-expanded')) === 'true') await group.click();

    // Expand a group whose first page came with the view: no request, rows at once.
    const before = fake.stats.requests.at(-1);
    const expand = armTimer(page, { pane: ORG_VIEW, selector: `${TREE_ROW}[aria-level="2"]` });
    await group.click();
    const expandMs = (await expand).ms;
    await settled(200);
    const log0 = fake.stats.requests;
    const expandRequests = log0.length - 1 - log0.lastIndexOf(before);

    // Load more at the end of the group: until the next page's rows are in the tree.
    await page.keyboard.press('End');
    const loadMore = pane.locator(rowWithLabel('Load more'));
    await loadMore.waitFor();
    const setSize = Number(await loadMore.getAttribute('aria-setsize'));
    await loadMore.hover(); // the list has stopped scrolling under the pointer
    const more = armTimer(page, { pane: ORG_VIEW, selector: `${TREE_ROW}[aria-level="2"]`, minSetSize: setSize });
    await loadMore.click();
    const loaded = await more;
    const loadMoreMs = loaded.ms;
    const loadMoreSplit = split(fake, loaded);
    await page.keyboard.press('Home');
    if (i === 0) continue;
    result.refreshMs.push(refreshMs);
    result.expandMs.push(expandMs);
    result.expandRequests.push(expandRequests);
    result.loadMoreMs.push(loadMoreMs);
    result.refreshSplit.push(refreshSplit);
    result.loadMoreSplit.push(loadMoreSplit);
    log(
      `[${latency} ms] run ${i}: refresh ${refreshMs.toFixed(0)} ms, expand ${expandMs.toFixed(0)} ms (${expandRequests} requests), load more ${loadMoreMs.toFixed(0)} ms; refresh: ${fmtSplit(refreshSplit)}; load more: ${fmtSplit(loadMoreSplit)}`,
    );
  }
  await settled();
}

async function registryPhase({ page, fake, settled, registry, dirs }, result) {
  const { findContainerClient } = require(out('test', 'integration', 'helpers', 'containerClient.js'));
  const docker = findContainerClient('docker');
  const env = { PATH: process.env.PATH, HOME: dirs.home, DOCKER_CONFIG: dirs.dockerConfig };
  const bare = async (user) => {
    const t = performance.now();
    await bareDockerLogin(docker, registry.server.host, user, env);
    return performance.now() - t;
  };
  const viaCommand = async (user) => {
    const row = await paletteRow(page, `${CONTAINER}: ${NLS['cmd.registry.login']}`);
    // Every login gets the next user the fake hands out: its notification names this run's user.
    const done = armTimer(page, { selector: '.notification-toast', text: `as ${user.username}` });
    await row.click();
    const timed = await done;
    await settled(300);
    return [timed.ms, split(fake, timed)];
  };
  Object.assign(result, { registryCommandMs: [], registryBareMs: [], registrySplit: [] });
  for (let i = 0; i < runs + 1; i++) {
    const user = registry.users[i];
    let command, parts, bareMs;
    if (i % 2 === 0) {
      [command, parts] = await viaCommand(user);
      bareMs = await bare(user);
    } else {
      bareMs = await bare(user);
      [command, parts] = await viaCommand(user);
    }
    if (i === 0) continue;
    result.registryCommandMs.push(command);
    result.registryBareMs.push(bareMs);
    result.registrySplit.push(parts);
    log(
      `[${latency} ms] run ${i}: registry login command ${command.toFixed(0)} ms (${fmtSplit(parts)}), bare docker login ${bareMs.toFixed(0)} ms`,
    );
  }
}

async function huaweiPhase({ page, fake, settled }, result) {
  const { FAKE_HUAWEI } = fakeSeed();
  const pane = await focusView(page, PERMISSIONS_VIEW);
  const marked = fake.huawei.repositories.find((r) => r.projectId === FAKE_HUAWEI.codeartsProjectId && r.status === 'active');
  Object.assign(result, { huaweiSignInMs: [], huaweiSplit: [] });
  for (let i = 0; i < runs + 1; i++) {
    if ((await pane.locator(TREE_ROW).count()) > 0) {
      await runCommand(page, `${CONTAINER}: ${NLS['cmd.huawei.signOut']}`);
      await pane.locator(TREE_ROW).first().waitFor({ state: 'detached' });
    }
    const tag = mark(i);
    marked.repositoryName = marked.displayName = `bench-${tag}`;
    await runCommand(page, `${CONTAINER}: ${NLS['cmd.huawei.signIn']}`, { asksNext: true });
    await pickQuickItem(page, 'Sign in to Huawei Cloud', 'IAM user and password');
    // The console's order: account, IAM user, password (one step-by-step flow; the CodeArts project ID is the last step).
    await answerQuickInput(page, 'Account name', FAKE_HUAWEI.domainName);
    await answerQuickInput(page, 'IAM user name', FAKE_HUAWEI.iamUser);
    await answerQuickInput(page, `Password of IAM user ${FAKE_HUAWEI.iamUser}`, FAKE_HUAWEI.iamPassword);
    await pickQuickItem(page, 'Region', FAKE_HUAWEI.region);
    await pickQuickItem(page, 'Keep the password?', 'Keep the password in the OS keyring to renew the token');
    const last = await fillQuickInput(page, 'CodeArts project ID', FAKE_HUAWEI.codeartsProjectId); // Enter once the timer is armed
    const shown = armTimer(page, { trigger: 'enter', pane: PERMISSIONS_VIEW, selector: TREE_ROW, text: tag });
    await last.press('Enter');
    const timed = await shown;
    await settled();
    if (i === 0) continue;
    result.huaweiSignInMs.push(timed.ms);
    result.huaweiSplit.push(split(fake, timed));
    log(`[${latency} ms] run ${i}: Huawei sign-in → repositories ${timed.ms.toFixed(0)} ms (${fmtSplit(result.huaweiSplit.at(-1))})`);
  }
}

/** Each run: a reload with the Explorer shown (extension active, nothing of its views drawn), then the coScene tab. */
async function openPhase({ page, fake, settled }, result) {
  const role = fake.coscene.rolesByCode.get(MARKED_ROLE);
  await focusView(page, ORG_VIEW); // the coScene container is shown (clicking its tab again would hide the side bar)
  const staticHeader = viewPane(page, STATIC_VIEW_TITLE).locator('.pane-header');
  if ((await staticHeader.getAttribute('aria-expanded')) !== 'true') await staticHeader.locator('h3.title').click();
  await viewPane(page, STATIC_VIEW_TITLE).locator(TREE_ROW).first().waitFor();
  Object.assign(result, { viewOpenMs: [], viewOpenSplit: [], viewOpenStaticMs: [] });
  for (let i = 0; i < runs + 1; i++) {
    await activityTab(page, 'Explorer').click();
    await page.locator('.sidebar .pane-header h3.title', { hasText: exactly(ORG_VIEW) }).waitFor({ state: 'detached' });
    await sleep(500); // the workbench stores the active container
    const tag = mark(i);
    role.displayName = `Organization Admin ${tag}`;
    await page.reload();
    // Activated (the profile's status bar entry) and quiet: what is left is the view's own work.
    await page.locator('.statusbar .statusbar-item', { hasText: 'demo' }).first().waitFor();
    await settled(500);
    if ((await page.locator('.sidebar .pane-header h3.title', { hasText: exactly(ORG_VIEW) }).count()) > 0)
      throw new Error('the reloaded window shows the coScene views already (expected the Explorer)');
    const shown = armTimer(page, { pane: ORG_VIEW, selector: TREE_ROW, text: tag });
    // The floor: a static tree view in the same container, drawn by the same click (test/bench/staticTree.mjs).
    const staticShown = armTimer(page, { pane: STATIC_VIEW_TITLE, selector: TREE_ROW });
    await activityTab(page, CONTAINER).click();
    const timed = await shown;
    const floor = await staticShown;
    await settled();
    if (i === 0) continue;
    result.viewOpenMs.push(timed.ms);
    result.viewOpenStaticMs.push(floor.ms);
    result.viewOpenSplit.push(split(fake, timed));
    log(
      `[${latency} ms] run ${i}: view open → groups ${timed.ms.toFixed(0)} ms (${fmtSplit(result.viewOpenSplit.at(-1))}); static tree ${floor.ms.toFixed(0)} ms`,
    );
  }
  await staticFloors(page, result);
}

/**
 * The same clicks as the tree phase's Refresh and Load more, on the static tree (answers from memory, no network):
 * what the workbench itself needs to draw them, the floor under those rows.
 */
async function staticFloors(page, result) {
  const pane = viewPane(page, STATIC_VIEW_TITLE);
  const group = pane.locator(rowWithLabel('static group'));
  if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
  await pane.locator(rowWithLabel('static row 0')).waitFor();
  Object.assign(result, { floorRefreshMs: [], floorLoadMoreMs: [] });
  for (let i = 0; i < runs + 1; i++) {
    await page.keyboard.press('Home');
    const refreshRow = pane.locator(rowWithLabel('static refresh'));
    await refreshRow.hover();
    const refreshed = armTimer(page, { pane: STATIC_VIEW_TITLE, selector: TREE_ROW, text: `static refresh ${i + 1}` });
    await refreshRow.click();
    const refreshMs = (await refreshed).ms;
    // VS Code delays a tree change that follows another within 200 ms by 200 ms (its refresh debounce): wait it out.
    await sleep(300);
    await page.keyboard.press('End');
    const more = pane.locator(rowWithLabel('static load more'));
    await more.waitFor();
    const setSize = Number(await more.getAttribute('aria-setsize'));
    await more.hover();
    const grown = armTimer(page, { pane: STATIC_VIEW_TITLE, selector: `${TREE_ROW}[aria-level="2"]`, minSetSize: setSize });
    await more.click();
    const moreMs = (await grown).ms;
    await sleep(300);
    if (i === 0) continue;
    result.floorRefreshMs.push(refreshMs);
    result.floorLoadMoreMs.push(moreMs);
    log(`[${latency} ms] run ${i}: static tree refresh ${refreshMs.toFixed(0)} ms, load more ${moreMs.toFixed(0)} ms`);
  }
}

// ---- the reload phase: its own workbench, with the static tree extension next to the vsix ----

async function reloadPhase(fake, result) {
  const vsixDir = makeSandbox('bench-static-tree').base;
  const staticVsix = await buildStaticTreeVsix(vsixDir);
  const wb = await openWorkbench(fake, { name: 'bench-reload', extraVsix: [staticVsix] });
  const settled = settledOn(fake);
  try {
    const { page } = wb;
    await activityTab(page, CONTAINER).click();
    await viewPane(page, STATIC_VIEW_TITLE).locator(TREE_ROW).first().waitFor();
    await viewPane(page, ORG_VIEW).locator(TREE_ROW).first().waitFor();
    await page.addInitScript(firstRowRecorder, [...COSCENE_VIEWS, STATIC_VIEW_TITLE]);
    Object.assign(result, { reloadCosceneMs: [], reloadStaticMs: [], reloadRatio: [], reloadFirstView: [] });
    for (let i = 0; i < runs + 1; i++) {
      await settled(500);
      const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
      const t0 = await reloadFromPage(page);
      await navigated;
      await page.waitForFunction(
        ([names, staticTitle]) =>
          window.__benchFirstRows && staticTitle in window.__benchFirstRows.times && names.some((n) => n in window.__benchFirstRows.times),
        [COSCENE_VIEWS, STATIC_VIEW_TITLE],
        { timeout: 90_000 },
      );
      await sleep(300); // the other coScene views, if they are about to show rows
      const times = await page.evaluate(() => window.__benchFirstRows.times);
      const cosceneViews = COSCENE_VIEWS.filter((n) => n in times).sort((a, b) => times[a] - times[b]);
      const coscene = times[cosceneViews[0]] - t0;
      const staticMs = times[STATIC_VIEW_TITLE] - t0;
      if (i === 0) continue;
      result.reloadCosceneMs.push(coscene);
      result.reloadStaticMs.push(staticMs);
      result.reloadRatio.push(coscene / staticMs);
      result.reloadFirstView.push(cosceneViews[0]);
      log(
        `[${latency} ms] run ${i}: reload → first coScene row ${coscene.toFixed(0)} ms (${cosceneViews[0]}), static tree ${staticMs.toFixed(0)} ms`,
      );
    }
  } finally {
    await wb.close();
  }
}

async function main() {
  await ensureHost();
  const registry = phases.includes('registry') ? await startRegistry() : {};
  const fakeApi = await startFakeApi({
    inProcess: true, // its request log times the splits; it hands out the registry users
    latencyMs: latency,
    registryCredentials: registry.users ?? [],
    maxLifetimeMs: 30 * 60_000,
  });
  const fake = fakeApi.server;
  const rtt = await measureRtt(fake.url);
  const result = { latency, runs, phases, bareRttMs: rtt.bare, clientRttMs: rtt.client, load: {}, errors: {} };
  const settled = settledOn(fake);
  const measure = async (phase, fn) => {
    if (!phases.includes(phase)) return;
    const before = os.loadavg()[0];
    try {
      await fn();
    } catch (error) {
      log(`${phase}: ${error.stack ?? error}`);
      result.errors[phase] = String(error.message ?? error).split('\n')[0];
    }
    result.load[phase] = [before, os.loadavg()[0]];
  };
  try {
    if (registry.skip) result.errors.registry = registry.skip;
    const main = ['tree', 'registry', 'huawei', 'open'].filter((p) => phases.includes(p) && !(p === 'registry' && registry.skip));
    if (main.length) {
      const settings = registry.server ? { 'coscene.registry.host': registry.server.host } : {};
      const extraVsix = phases.includes('open') ? [await buildStaticTreeVsix(makeSandbox('bench-static-tree').base)] : [];
      const wb = await openWorkbench(fake, { name: 'bench-userpath', settings, extraVsix });
      const ctx = { page: wb.page, fake, settled, registry, dirs: wb.dirs };
      try {
        await activityTab(wb.page, CONTAINER).click();
        await measure('tree', () => treePhase(ctx, result));
        await measure('registry', () => registryPhase(ctx, result));
        await measure('huawei', () => huaweiPhase(ctx, result));
        await measure('open', () => openPhase(ctx, result));
      } finally {
        await wb.close();
      }
    }
    await measure('reload', () => reloadPhase(fake, result));
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await fakeApi.stop();
    await registry.server?.stop();
  }
}

/** A local docker-registry that knows one fresh user per run (the fake hands them out in order), or why there is none. */
async function startRegistry() {
  const { registryUnavailableReason, startRegistryServer } = require(out('test', 'integration', 'helpers', 'registryServer.js'));
  const { containerClientMissingReason } = require(out('test', 'integration', 'helpers', 'containerClient.js'));
  const skip = registryUnavailableReason() ?? containerClientMissingReason('docker');
  if (skip) return { skip };
  const users = Array.from({ length: runs + 1 }, (_, i) => ({
    username: `cr-bench-${i}-${randomBytes(3).toString('hex')}`,
    password: `Bench-${randomBytes(12).toString('base64url')}`,
  }));
  const server = await startRegistryServer(users, { maxLifetimeMs: 30 * 60_000 });
  return { server, users };
}

const guard = setTimeout(() => {
  log('25 min limit');
  process.exit(2);
}, 25 * 60_000);
guard.unref();
main().then(
  () => process.exit(0),
  (err) => {
    log(err.stack ?? String(err));
    process.exit(1);
  },
);
