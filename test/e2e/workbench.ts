// The UI tests' setup: the workbench opened in headless chromium for a suite (useWorkbench), the English and Chinese
// strings it shows, screenshots. run-e2e.mjs starts code-server with the built vsix installed and passes its URL in
// COSCENE_E2E_URL. Clicking through the workbench (views, palette, quick inputs, menus) is test/support/workbenchDriver.ts.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.cjs';
import { activityTab } from '../support/workbenchDriver';

export const ARTIFACTS = process.env.COSCENE_E2E_ARTIFACTS ?? path.join(__dirname, '..', '..', '..', 'test', '.artifacts');

/** package.nls.json: the English titles the workbench shows (views, commands). */
export const NLS: Record<string, string> = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.nls.json'), 'utf8'));
/** The extension's manifest (package.json), for what it contributes (walkthrough steps, …). */
export const MANIFEST = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { walkthroughs: { steps: { id: string }[] }[] };
};

/** package.nls.zh-cn.json and the built zh-CN l10n bundle: what the Chinese window shows. */
export const NLS_ZH: Record<string, string> = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.nls.zh-cn.json'), 'utf8'),
);
const L10N_ZH: Record<string, string> = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', '..', 'dist', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'),
);

/** The Chinese translation of a message template (fails loudly when there is none). */
export function zh(template: string, ...args: (string | number)[]): string {
  const translated = L10N_ZH[template];
  if (translated === undefined) throw new Error(`no zh-cn translation for "${template}"`);
  return translated.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)])));
}

export type WorkbenchLocale = 'en' | 'zh-cn';

export function workbenchUrl(locale: WorkbenchLocale = 'en'): string {
  const name = locale === 'zh-cn' ? 'COSCENE_E2E_URL_ZH' : 'COSCENE_E2E_URL';
  const url = process.env[name];
  if (!url) throw new Error(`${name} is not set: run the UI tests through test/tools/run-e2e.mjs`);
  return url;
}

/** Opens the workbench; `onConsole` gets the page's console errors and warnings (the extension host's included). */
export async function openWorkbench(browser: Browser, onConsole?: (line: string) => void, locale: WorkbenchLocale = 'en'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  if (onConsole) {
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') onConsole(`[${message.type()}] ${message.text()}`);
    });
  }
  page.setDefaultTimeout(20_000);
  await page.goto(workbenchUrl(locale), { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The extension's contributions (activity bar entry, palette commands) arrive a little later.
  await activityTab(page, (locale === 'zh-cn' ? NLS_ZH : NLS)['container.title']).waitFor({ timeout: 60_000 });
  // Then the extension activates (onStartupFinished) and shows the cocli profile "demo" (test/tools/fake-env.mjs) in
  // the status bar: only from then on does the palette offer the commands that need a profile (coscene.hasProfile).
  await page
    .locator('.statusbar .statusbar-item', { hasText: /\bdemo\b/ })
    .first()
    .waitFor({ timeout: 60_000 });
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Mocha hooks for one suite: a browser with the workbench open before the first test, a screenshot
 * of whatever a failed test left on screen, the browser closed at the end. Returns the page getter.
 */
export function useWorkbench(locale: WorkbenchLocale = 'en'): () => Page {
  let browser: Browser | undefined;
  let page: Page | undefined;
  const consoleLines: string[] = [];
  before(async () => {
    browser = await launchChromium();
    page = await openWorkbench(browser, (line) => consoleLines.push(line), locale);
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !page) return;
    const name = `failed-${this.currentTest.fullTitle()}`;
    await screenshot(page, name).catch(() => undefined);
    fs.writeFileSync(path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '-')}.console.txt`), consoleLines.join('\n'));
  });
  after(async () => {
    await browser?.close();
  });
  return () => {
    if (!page) throw new Error('the workbench is not open');
    return page;
  };
}
