import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openViewContainer, openWorkbench, runCommand, screenshot, viewHeader } from './workbench';

const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.nls.json'), 'utf8'));

describe('coScene in the workbench (installed vsix)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    page = await openWorkbench(browser);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await screenshot(page, `failed-${this.currentTest.title}`);
  });

  after(async () => {
    await browser?.close();
  });

  it('opens the coScene container from the activity bar and shows its four views', async () => {
    await openViewContainer(page, nls['container.title']);
    for (const key of ['view.orgUsers', 'view.projectUsers', 'view.roles', 'view.permissions']) {
      await viewHeader(page, nls[key]).waitFor();
    }
    await screenshot(page, 'coscene-container');
  });

  it('"coScene: Show Logs" shows the coScene output channel', async () => {
    await runCommand(page, `coScene: ${nls['cmd.showLogs']}`);
    const panel = page.locator('.part.panel');
    await panel.locator('.composite.title', { hasText: /output/i }).waitFor();
    const channel = panel.getByRole('toolbar', { name: 'Output actions' }).getByLabel('Switch Output');
    await channel.waitFor();
    assert.match((await channel.locator('option:checked').textContent()) ?? '', /coScene/);
    await screenshot(page, 'coscene-logs');
  });
});
