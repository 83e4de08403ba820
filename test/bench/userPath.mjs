// What the user waits for, in the real extension host: code-server with the built vsix installed, driven by
// playwright-core in Debian chromium like the UI tests, against the fake API with `latency` ms per request.
// Times are taken in the page (performance.now() of the mousedown → first frame with the rows in the DOM).
// Usage: node test/bench/userPath.mjs <latencyMs> <runs>. Prints one JSON line. Needs `tsc -p .` and the vsix.
/* global document, performance, requestAnimationFrame -- armTimer runs its callback in the page */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { launchChromium } from '../tools/browser.mjs';
import { fakeSettings, writeDemoCocliConfig, writeMachineSettings } from '../tools/fake-env.mjs';
import { ensureHost, installExtension, makeSandbox, startCodeServer, writeUserSettings } from '../tools/host.mjs';
import { ROOT, VSIX } from '../tools/paths.mjs';

const latency = Number(process.argv[2] ?? 50);
const runs = Math.min(15, Number(process.argv[3] ?? 7));
const require = createRequire(import.meta.url);
const { startFakeServer } = require(join(ROOT, 'out', 'test', 'fake', 'server.js'));
const log = (s) => process.stderr.write(`userPath: ${s}\n`);

const ORG_VIEW = 'Organization Users';
const GROUP = 'Organization Reader'; // more users than one page (see test/e2e/users.test.ts)

/**
 * Resolves with ms from the next mousedown to the first animation frame in which `selector` matches inside
 * the pane (with `aria-setsize` above `minSetSize` when given: the list grew).
 */
function armTimer(page, paneTitle, selector, minSetSize = -1) {
  return page.evaluate(
    ({ paneTitle, selector, minSetSize }) => {
      const pane = () =>
        [...document.querySelectorAll('.sidebar .pane')].find(
          (p) => p.querySelector('.pane-header h3.title')?.textContent?.trim() === paneTitle,
        );
      return new Promise((resolve, reject) => {
        let start;
        const timeout = setTimeout(() => reject(new Error(`no ${selector} within 30 s`)), 30_000);
        document.addEventListener(
          'mousedown',
          () => {
            start = performance.now();
            const poll = () => {
              const found = [...(pane()?.querySelectorAll(selector) ?? [])].some(
                (el) => Number(el.getAttribute('aria-setsize') ?? 0) > minSetSize,
              );
              if (found) {
                clearTimeout(timeout);
                resolve(performance.now() - start);
              } else requestAnimationFrame(poll);
            };
            requestAnimationFrame(poll);
          },
          { once: true, capture: true },
        );
      });
    },
    { paneTitle, selector, minSetSize },
  );
}

const rowWithLabel = (label) => `[role="treeitem"][aria-label^="${label}"]`;

async function main() {
  await ensureHost();
  const fake = await startFakeServer({ port: 0, latencyMs: latency, maxLifetimeMs: 10 * 60_000 });
  const dirs = makeSandbox('bench-userpath');
  const cocli = writeDemoCocliConfig(join(dirs.base, 'cocli.yaml'), fake.url.replace(/\/$/, ''));
  const settings = fakeSettings(cocli, fake.url.replace(/\/$/, ''));
  writeUserSettings(dirs, settings);
  writeMachineSettings(dirs, settings);
  await installExtension(dirs, VSIX);
  const server = await startCodeServer(dirs, { logFile: join(dirs.base, 'code-server.log') });
  const browser = await launchChromium();
  const result = { latency, runs, expandMs: [], expandRequests: [], loadMoreMs: [] };
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}?folder=${encodeURIComponent(server.folder)}`);
    await page.locator('.activitybar').getByRole('tab', { name: 'coScene' }).click();
    const pane = page.locator('.sidebar .pane', { has: page.locator('.pane-header h3.title', { hasText: ORG_VIEW }) });
    const header = pane.locator('.pane-header');
    const group = pane.locator(rowWithLabel(GROUP));
    await group.waitFor(); // the extension is active and the view has loaded once
    /** Waits until the fake has had no request for `quietMs` (a refresh's requests are all answered). */
    const settled = async (quietMs = 400) => {
      let count = -1;
      while (count !== fake.stats.requests.length) {
        count = fake.stats.requests.length;
        await new Promise((r) => setTimeout(r, quietMs));
      }
    };
    for (let i = 0; i < runs + 1; i++) {
      // the first round warms up (chunks, caches) and is dropped
      // Fresh data: the view's own Refresh button, then wait until its requests are answered.
      await header.hover();
      await header.locator('.actions [aria-label^="Refresh"]').click();
      await settled();
      await group.waitFor();
      if ((await group.getAttribute('aria-expanded')) === 'true') await group.click();

      // Expand a group whose first page came with the view: no request, rows at once.
      const before = fake.stats.requests.length;
      const expand = armTimer(page, ORG_VIEW, '[role="treeitem"][aria-level="2"]');
      await group.click();
      const expandMs = await expand;
      await settled(200);
      const expandRequests = fake.stats.requests.length - before;

      // Load more at the end of the group: until the next page's rows are in the tree.
      await page.keyboard.press('End');
      const loadMore = pane.locator(rowWithLabel('Load more'));
      await loadMore.waitFor();
      const setSize = Number(await loadMore.getAttribute('aria-setsize'));
      await loadMore.hover(); // the list has stopped scrolling under the pointer
      const more = armTimer(page, ORG_VIEW, '[role="treeitem"][aria-level="2"]', setSize);
      await loadMore.click();
      const loadMoreMs = await more;
      await page.keyboard.press('Home');
      if (i === 0) continue;
      result.expandMs.push(expandMs);
      result.expandRequests.push(expandRequests);
      result.loadMoreMs.push(loadMoreMs);
      log(`[${latency} ms] run ${i}: expand ${expandMs.toFixed(0)} ms (${expandRequests} requests), load more ${loadMoreMs.toFixed(0)} ms`);
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    await fake.close();
  }
}

const guard = setTimeout(() => {
  log('10 min limit');
  process.exit(2);
}, 10 * 60_000);
guard.unref();
main().then(
  () => process.exit(0),
  (err) => {
    log(err.stack ?? String(err));
    process.exit(1);
  },
);
