// Helpers for driving the code-server workbench in headless chromium (playwright-core).
// run-e2e.mjs starts code-server with the built vsix installed and passes its URL in COSCENE_E2E_URL.
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const ARTIFACTS = process.env.COSCENE_E2E_ARTIFACTS ?? path.join(__dirname, '..', '..', '..', 'test', '.artifacts');

/** package.nls.json: the English titles the workbench shows (views, commands). */
export const NLS: Record<string, string> = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.nls.json'), 'utf8'));

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

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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
  await page
    .locator('.activitybar')
    .getByRole('tab', { name: (locale === 'zh-cn' ? NLS_ZH : NLS)['container.title'] })
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
 * Runs a command by its palette title, e.g. "coScene: Show Logs", the way a user does (F1). With
 * `asksNext` the command opens a quick pick or input box of its own, so the widget stays open.
 */
export async function runCommand(page: Page, title: string, { asksNext = false } = {}): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.fill(`>${title}`);
  // Click the row with exactly this title: Enter would take whichever row is highlighted first.
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactly(title) }) });
  await row.first().click();
  if (!asksNext) await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
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

/**
 * Mocha hooks for one suite: a browser with the workbench open before the first test, a screenshot
 * of whatever a failed test left on screen, the browser closed at the end. Returns the page getter.
 */
export function useWorkbench(locale: WorkbenchLocale = 'en'): () => Page {
  let browser: Browser | undefined;
  let page: Page | undefined;
  const consoleLines: string[] = [];
  before(async () => {
    browser = await launchBrowser();
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

/** Exactly this text (for labels that are prefixes of others). */
export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** One view (pane) of the side bar, by its title. */
export function viewPane(page: Page, viewName: string): Locator {
  return page.locator('.sidebar .pane', { has: page.locator('.pane-header h3.title', { hasText: exactly(viewName) }) });
}

/** Expands the view `viewName` and collapses the other views of the container, as a user makes room. */
export async function focusView(page: Page, viewName: string): Promise<Locator> {
  const titles = page.locator('.sidebar .pane-header h3.title');
  await viewPane(page, viewName).waitFor();
  const names = (await titles.allInnerTexts()).map((t) => t.trim());
  // Collapse first, then expand: every toggle moves the headers below it, so each click waits for the
  // header to be stable (Playwright does) and hits the title, never the header's action buttons.
  for (const name of [...names.filter((n) => n !== viewName), viewName]) {
    const header = viewPane(page, name).locator('.pane-header');
    const want = name === viewName ? 'true' : 'false';
    if ((await header.getAttribute('aria-expanded')) === want) continue;
    await header.locator('h3.title').click();
    await header.and(page.locator(`[aria-expanded="${want}"]`)).waitFor();
  }
  return viewPane(page, viewName);
}

/** The tree row labelled exactly `label` inside `scope` (a view pane). */
export function treeRow(scope: Locator, label: string | RegExp): Locator {
  const name = typeof label === 'string' ? exactly(label) : label;
  return scope.locator('[role="treeitem"]').filter({ has: scope.page().locator('.label-name', { hasText: name }) });
}

/** Expands a collapsed tree row by clicking it (a second click would collapse it again). */
export async function expandRow(row: Locator): Promise<void> {
  await row.first().waitFor();
  if ((await row.first().getAttribute('aria-expanded')) === 'false') await row.first().click();
  await row.first().and(row.page().locator('[aria-expanded="true"]')).waitFor();
}

/** Waits for the quick input titled `title`, types `value` and presses Enter. */
export async function answerQuickInput(page: Page, title: string | RegExp, value: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor();
  const input = widget.locator('.quick-input-box input');
  await input.fill(value);
  await input.press('Enter');
}

/** Waits for the quick pick titled `title`, filters it by `label` and accepts the matching row. */
export async function pickQuickItem(page: Page, title: string | RegExp, label: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor();
  const input = widget.locator('.quick-input-box input');
  await input.fill(label);
  await widget.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
  await input.press('Enter');
}

/** A notification toast with this text (info toasts hide by themselves: start waiting before the action). */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.locator('.notification-toast', { hasText: text });
}

/** The text of the visible terminal (DOM renderer), with non-breaking spaces made plain. */
export async function terminalText(page: Page): Promise<string> {
  const rows = page.locator('.part.panel .terminal-wrapper.active .xterm-rows');
  await rows.first().waitFor();
  return (await rows.first().innerText()).replace(/\u00a0/g, ' ');
}

/** Polls `check` every 250 ms until it is true; fails after `timeoutMs` saying what it waited for. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

/** The label of the item the keyboard is on in the innermost open menu (submenus live inside their parent item). */
async function focusedMenuLabel(page: Page): Promise<string | undefined> {
  const focused = page.locator('.monaco-menu .action-item.focused');
  if ((await focused.count()) === 0) return undefined;
  return (await focused.last().locator('.action-label').first().innerText()).trim();
}

/**
 * Moves the keyboard along `path` (e.g. ['demo (coScene)', 'Sign Out']) in the open context menu: Down to each entry,
 * Right into a submenu. A pointer is not used: a menu item ignores a mouse-up for its first 100 ms, and a click that
 * lands in that window (a fast machine) leaves the menu open with the entry highlighted and nothing run.
 */
export async function focusMenuPath(page: Page, path: readonly string[]): Promise<void> {
  await page.locator('.context-view .monaco-menu').first().waitFor();
  for (const [depth, label] of path.entries()) {
    if (depth > 0) {
      await page.keyboard.press('ArrowRight');
      // The submenu opens with its first entry focused, nested inside the parent's focused entry.
      await page.locator('.monaco-menu .action-item.focused').nth(depth).waitFor();
    }
    const seen: string[] = [];
    for (let step = 0; (await focusedMenuLabel(page)) !== label; step++) {
      // A menu is short: more Down presses than entries means the entry is not there.
      if (step > 20) throw new Error(`the menu has no entry "${label}" (went through: ${seen.join(', ')})`);
      await page.keyboard.press('ArrowDown');
      seen.push((await focusedMenuLabel(page)) ?? '');
    }
  }
}

/** Runs the entry at the end of `path` in the open context menu, by keyboard (focusMenuPath, then Enter). */
export async function chooseMenuPath(page: Page, path: readonly string[]): Promise<void> {
  await focusMenuPath(page, path);
  await page.keyboard.press('Enter');
}
