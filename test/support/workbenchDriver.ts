// Driving the code-server workbench in chromium (playwright-core) the way a user does: the one copy shared by the UI
// tests (test/e2e) and the bench's user path (test/bench/userPath.mjs loads the compiled out/test/support/workbenchDriver.js).
// Every helper clicks the exact row or title it names and waits for the widget it acts on.
import type { Locator, Page } from 'playwright-core';

/** Exactly this text (for labels that are prefixes of others). */
export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** A view container's entry in the activity bar, by its title. */
export function activityTab(page: Page, title: string): Locator {
  return page.locator('.activitybar').getByRole('tab', { name: title });
}

/** Clicks the view container's entry in the activity bar. */
export async function openViewContainer(page: Page, title: string): Promise<void> {
  await activityTab(page, title).click();
  await page.locator('.sidebar .composite.title', { hasText: title }).waitFor();
}

export function viewHeader(page: Page, viewName: string): Locator {
  return page.locator('.sidebar .pane-header h3.title', { hasText: viewName });
}

export function treeRows(page: Page): Locator {
  return page.locator('.sidebar [role="treeitem"]');
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

/**
 * Opens the command palette (F1) on `title` and waits for the row with exactly this title (Enter would take whichever
 * row is highlighted first). The caller clicks it; runCommand does both.
 */
export async function paletteRow(page: Page, title: string): Promise<Locator> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exactly(title) }) })
    .first();
  await row.waitFor();
  return row;
}

/**
 * Runs a command by its palette title, e.g. "coScene: Show Logs", the way a user does (F1). With
 * `asksNext` the command opens a quick pick or input box of its own, so the widget stays open.
 */
export async function runCommand(page: Page, title: string, { asksNext = false } = {}): Promise<void> {
  await (await paletteRow(page, title)).click();
  if (!asksNext) await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Waits for the quick input titled `title` and types `value`; returns its input box (press Enter on it to accept). */
export async function fillQuickInput(page: Page, title: string | RegExp, value: string): Promise<Locator> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor();
  const input = widget.locator('.quick-input-box input');
  await input.fill(value);
  return input;
}

/** Waits for the quick input titled `title`, types `value` and presses Enter. */
export async function answerQuickInput(page: Page, title: string | RegExp, value: string): Promise<void> {
  await (await fillQuickInput(page, title, value)).press('Enter');
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
