// Helpers for driving the code-server workbench in headless chromium (playwright-core).
// run-e2e.mjs starts code-server with the built vsix installed and passes its URL in COSCENE_E2E_URL.
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const ARTIFACTS = process.env.COSCENE_E2E_ARTIFACTS ?? path.join(__dirname, '..', '..', '..', 'test', '.artifacts');

export function workbenchUrl(): string {
  const url = process.env.COSCENE_E2E_URL;
  if (!url) throw new Error('COSCENE_E2E_URL is not set: run the UI tests through test/tools/run-e2e.mjs');
  return url;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    timeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export async function openWorkbench(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(20_000);
  await page.goto(workbenchUrl(), { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Runs a command by its palette title, e.g. "coScene: Show Logs", the way a user does (F1). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Clicks the view container's entry in the activity bar. */
export async function openViewContainer(page: Page, title: string): Promise<void> {
  const tab = page.locator('.activitybar').getByRole('tab', { name: title });
  await tab.click();
  await page.locator('.sidebar .composite.title', { hasText: title }).waitFor();
}

export function viewHeader(page: Page, viewName: string): Locator {
  return page.locator('.sidebar .pane-header h3.title', { hasText: viewName });
}

export function treeRows(page: Page): Locator {
  return page.locator('.sidebar [role="treeitem"]');
}
