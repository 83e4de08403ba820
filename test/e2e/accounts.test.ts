import * as assert from 'assert';
import * as fs from 'fs';
import type { Locator } from 'playwright-core';
import { FAKE_COSCENE } from '../fake/seed/coscene';
import { exactly, NLS, screenshot, toast, useWorkbench } from './workbench';

// Issue 15: the VS Code conventions a user meets first — the Accounts menu (authentication provider "coscene", the
// cocli profile "demo" run-e2e.mjs writes) and the Get Started walkthrough.
describe('Accounts menu and Get Started (issue 15)', function () {
  this.timeout(120_000);
  const page = useWorkbench();

  const accountEntry = () =>
    page()
      .locator('.monaco-menu .action-item')
      .filter({ has: page().locator('.action-label', { hasText: exactly('demo (coScene)') }) });
  const signOutEntry = () => page().locator('.monaco-menu .action-item .action-label', { hasText: exactly('Sign Out') });

  /** The status bar item whose whole text is `text` (the workbench may render its spaces as no-break spaces). */
  const statusItem = (text: string) =>
    page().locator('.statusbar .statusbar-item', {
      hasText: new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}\\s*$`),
    });

  /**
   * Opens the Accounts menu until it shows `entry`. The workbench fills the menu only once every provider answered
   * (code-server waits for a GitHub provider that never registers), and an open menu does not refresh: so it is
   * closed and opened again, a bounded number of times.
   */
  const openAccountsMenu = async (entry: () => Locator = accountEntry) => {
    for (let attempt = 0; attempt < 30; attempt++) {
      await closeMenus();
      await page().locator('.activitybar [aria-label^="Accounts"]').first().click();
      await page().locator('.monaco-menu').first().waitFor();
      if (await entry().first().isVisible()) return;
      await page().keyboard.press('Escape');
      await page().waitForTimeout(1000);
    }
    throw new Error('the Accounts menu never showed the entry looked for');
  };

  /** A menu left open (a click that missed its entry) would swallow the next click on the activity bar. */
  const closeMenus = async () => {
    for (let i = 0; i < 3 && (await page().locator('.context-view .monaco-menu').first().isVisible()); i++) {
      await page().keyboard.press('Escape');
    }
  };

  /** Sign Out of "demo" from its submenu; a click the submenu lost (it closes when the pointer leaves) is tried again. */
  const signOutOfDemo = async (): Promise<Locator> => {
    const dialog = page().locator('.monaco-dialog-box');
    for (let attempt = 0; attempt < 3; attempt++) {
      await openAccountsMenu();
      await accountEntry().first().hover();
      await signOutEntry().first().click();
      if (
        await dialog.waitFor({ timeout: 5000 }).then(
          () => true,
          () => false,
        )
      )
        return dialog;
    }
    throw new Error('Sign Out in the Accounts menu never asked to confirm');
  };

  it('the Accounts menu lists the coScene profile "demo" as an account, with Sign Out', async () => {
    await openAccountsMenu();
    await accountEntry().first().hover();
    await signOutEntry().first().waitFor();
    await screenshot(page(), 'accounts-menu-coscene');
    await page().keyboard.press('Escape');
    await page().keyboard.press('Escape');
  });

  it('Sign Out of a cocli profile says it stays signed in through cocli (the cocli file is not touched)', async () => {
    const said = toast(page(), /stays signed in with the token in .*cocli login delete demo/);
    const dialog = await signOutOfDemo();
    await dialog.getByRole('button', { name: 'Sign Out' }).click();
    await said.first().waitFor({ timeout: 30_000 });
    // Still the same profile, with its organization (fetched again with the file's token).
    await statusItem(`demo · ${FAKE_COSCENE.orgSlug}`).waitFor();
    await screenshot(page(), 'accounts-sign-out-cocli');
    await said
      .first()
      .locator('.codicon-notifications-clear')
      .click({ timeout: 3000 })
      .catch(() => page().keyboard.press('Escape'));
    await openAccountsMenu(); // still listed
    await page().keyboard.press('Escape');
  });

  it('with no profile, the Accounts menu offers "Sign in with coScene to use coScene Access", which starts Add Profile', async () => {
    const file = process.env.COSCENE_E2E_COCLI;
    if (!file) throw new Error('COSCENE_E2E_COCLI is not set: run the UI tests through test/tools/run-e2e.mjs');
    const original = fs.readFileSync(file, 'utf8');
    const signIn = () =>
      page()
        .locator('.monaco-menu .action-item .action-label')
        .filter({ hasText: /^\s*Sign in with coScene to use coScene Access/ });
    try {
      fs.writeFileSync(file, ''); // as after `cocli login delete` of the last profile
      await statusItem('coScene').waitFor({ timeout: 30_000 });
      await openAccountsMenu(signIn);
      assert.equal(await accountEntry().count(), 0, 'no coScene account without a profile');
      await screenshot(page(), 'accounts-sign-in-offer');
      await signIn().first().click();
      const widget = page().locator('.quick-input-widget');
      await widget.locator('.quick-input-title', { hasText: 'Add coScene Profile' }).waitFor();
      await page().keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden' });
    } finally {
      fs.writeFileSync(file, original);
    }
    await statusItem(`demo · ${FAKE_COSCENE.orgSlug}`).waitFor({ timeout: 30_000 });
    await openAccountsMenu(); // the account is back, and the sign-in offer gone
    assert.equal(await signIn().count(), 0, 'the sign-in offer is withdrawn once there is an account');
    await page().keyboard.press('Escape');
  });

  it('Get Started shows the coScene walkthrough with its four steps', async () => {
    await page().keyboard.press('F1');
    const input = page().locator('.quick-input-widget input');
    await input.fill('>Welcome: Open Walkthrough');
    await page().locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().click();
    await page().locator('.quick-input-list .monaco-list-row', { hasText: NLS['walkthrough.title'] }).first().click();
    const walkthrough = page().locator('.gettingStartedContainer');
    await walkthrough.locator('.getting-started-category h2', { hasText: NLS['walkthrough.title'] }).first().waitFor();
    const titles = ['connectProfile', 'browseUsers', 'huaweiSignIn', 'registryLogin'].map((step) => NLS[`walkthrough.${step}.title`]);
    const steps = walkthrough.locator('.getting-started-step');
    await steps.first().waitFor();
    const shown = (await steps.locator('.step-title').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(shown, titles);
    // The first step is open: its description and its Add Profile button.
    await steps.nth(0).getByRole('button', { name: 'Add Profile…' }).waitFor();
    await screenshot(page(), 'walkthrough-get-started');
  });
});
