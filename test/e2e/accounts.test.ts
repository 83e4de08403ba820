import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import { FAKE_COSCENE } from '../fake/seed/coscene';
import { chooseMenuPath, exactly, focusMenuPath, runCommand, toast } from '../support/workbenchDriver';
import { MANIFEST, NLS, screenshot, useWorkbench } from './workbench';

// The VS Code conventions a user meets first: the Accounts menu (authentication provider "coscene"; run-e2e.mjs writes
// the cocli profile "demo") and the Get Started walkthrough. Menus are driven by keyboard (see chooseMenuPath).
describe('Accounts menu and Get Started', function () {
  this.timeout(120_000);
  const page = useWorkbench();
  const ADDED = 'e2e-vscode'; // a profile this suite adds in VS Code, signs out of and removes

  const cocliFile = () => {
    const file = process.env.COSCENE_E2E_COCLI;
    if (!file) throw new Error('COSCENE_E2E_COCLI is not set: run the UI tests through test/tools/run-e2e.mjs');
    return file;
  };
  const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

  const menuEntry = (label: string | RegExp) =>
    page().locator('.context-view .monaco-menu .action-item .action-label', {
      hasText: typeof label === 'string' ? exactly(label) : label,
    });
  const openMenu = () => page().locator('.context-view .monaco-menu').first();

  /** The status bar item whose whole text is `text` (the workbench may render its spaces as no-break spaces). */
  const statusItem = (text: string) =>
    page().locator('.statusbar .statusbar-item', {
      hasText: new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}\\s*$`),
    });

  /** Escape closes one level: a submenu, then the menu. */
  const closeMenu = async () => {
    for (let level = 0; level < 3 && (await openMenu().isVisible()); level++) await page().keyboard.press('Escape');
    await openMenu().waitFor({ state: 'hidden' });
  };

  /**
   * Opens the Accounts menu once it shows what `ready` says. The workbench fills the menu when every authentication
   * provider has answered (code-server waits for a GitHub provider that never registers) and updates it after a
   * provider's sessions change; an open menu is not redrawn. So until then the menu is closed and opened again, at
   * most 30 times, and every reopening is logged.
   */
  const openAccountsMenu = async (ready: () => Promise<boolean>, what: string) => {
    for (let opening = 1; ; opening++) {
      await page().locator('.activitybar [aria-label^="Accounts"]').first().click();
      await openMenu().waitFor();
      if (await ready()) {
        if (opening > 1) console.log(`      (the Accounts menu showed ${what} at opening ${opening})`);
        return;
      }
      if (opening === 30) throw new Error(`the Accounts menu never showed ${what}`);
      await closeMenu();
      await page().waitForTimeout(1000);
    }
  };
  const listed = (account: string) => () => menuEntry(`${account} (coScene)`).first().isVisible();
  const withAccount = (account: string) => openAccountsMenu(listed(account), `the account "${account}"`);

  /** Accounts → "<account> (coScene)" → Sign Out, by keyboard; resolves with the confirmation dialog. */
  const signOutThroughMenu = async (account: string) => {
    await withAccount(account);
    await chooseMenuPath(page(), [`${account} (coScene)`, 'Sign Out']);
    const dialog = page().locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), new RegExp(`Sign out of '${account}'\\?`));
    return dialog;
  };

  it('the Accounts menu lists the cocli profile "demo" as an account, with Sign Out', async () => {
    await withAccount('demo');
    await focusMenuPath(page(), ['demo (coScene)', 'Sign Out']);
    await screenshot(page(), 'accounts-menu-coscene');
    await closeMenu();
  });

  it('Sign Out of a cocli profile keeps the cocli file byte for byte and says the profile stays signed in through cocli', async () => {
    const before = sha256(cocliFile());
    const said = toast(page(), /stays signed in with the token in .*cocli login delete demo/);
    const dialog = await signOutThroughMenu('demo');
    await dialog.getByRole('button', { name: 'Sign Out' }).click();
    await said.first().waitFor({ timeout: 30_000 });
    assert.equal(sha256(cocliFile()), before, 'the cocli file is unchanged');
    // Still the same profile, with its organization (fetched again with the file's token), and still an account.
    await statusItem(`coScene: demo · ${FAKE_COSCENE.orgSlug}`).waitFor();
    await screenshot(page(), 'accounts-sign-out-cocli');
    await runCommand(page(), 'Notifications: Clear All Notifications');
    await withAccount('demo');
    await closeMenu();
  });

  it('Sign Out of a profile added in VS Code forgets its token: the account leaves the menu, the profile stays', async () => {
    const fakeUrl = process.env.COSCENE_FAKE_URL;
    if (!fakeUrl) throw new Error('COSCENE_FAKE_URL is not set: run the UI tests through test/tools/run-e2e.mjs');
    const widget = page().locator('.quick-input-widget');
    /** The Add Profile boxes share one title: each is told apart by its prompt. */
    const answer = async (prompt: string, value: string) => {
      await widget.locator('.quick-input-message', { hasText: prompt }).waitFor();
      await widget.locator('.quick-input-box input').fill(value);
      await widget.locator('.quick-input-box input').press('Enter');
    };
    await runCommand(page(), `coScene: ${NLS['cmd.profile.add']}`, { asksNext: true });
    await answer('Profile name', ADDED);
    await answer('OpenAPI endpoint', fakeUrl);
    await answer('Default project slug', 'mcap');
    await widget.locator('.quick-input-title', { hasText: '(4/4)' }).waitFor(); // one flow of four steps
    // A token the server refuses (401) is not saved: the step stays open and says so; another token is checked again.
    await answer('Access token', 'refused-by-the-fake');
    await widget.locator('.quick-input-message', { hasText: 'The server refused this token (401): it is not saved.' }).waitFor();
    await widget.locator('.quick-input-left-action-bar .codicon-quick-input-back').waitFor();
    await screenshot(page(), 'add-profile-token-refused');
    await widget.locator('.quick-input-box input').fill(FAKE_COSCENE.writerToken);
    await widget.locator('.quick-input-box input').press('Enter');
    // The token was checked before saving: the notification says who it signs in as.
    await toast(page(), `Added the profile "${ADDED}": signed in as`).first().waitFor({ timeout: 30_000 });
    await statusItem(`coScene: ${ADDED} · ${FAKE_COSCENE.orgSlug}`).waitFor({ timeout: 30_000 }); // active, its token accepted

    const said = toast(page(), `Signed out of the coScene profile "${ADDED}": its token is removed from VS Code.`);
    const dialog = await signOutThroughMenu(ADDED);
    await dialog.getByRole('button', { name: 'Sign Out' }).click();
    await said.first().waitFor({ timeout: 30_000 });
    // Without a token the organization cannot be read: the status bar keeps the profile and drops the organization.
    await statusItem(`coScene: ${ADDED}`).waitFor();
    await screenshot(page(), 'accounts-sign-out-vscode-profile');
    await runCommand(page(), 'Notifications: Clear All Notifications');
    await openAccountsMenu(async () => (await listed('demo')()) && !(await listed(ADDED)()), `"demo" without "${ADDED}"`);
    await closeMenu();

    // Leave the window as it was: remove the profile; the cocli profile "demo" is active again.
    await runCommand(page(), `coScene: ${NLS['cmd.profile.remove']}`, { asksNext: true });
    await widget.locator('.quick-input-title', { hasText: 'Remove coScene Profile' }).waitFor();
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: ADDED }).first().click();
    const confirm = page().locator('.monaco-dialog-box', { hasText: `Remove the profile "${ADDED}"` });
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await statusItem(`coScene: demo · ${FAKE_COSCENE.orgSlug}`).waitFor({ timeout: 30_000 });
  });

  it('with no profile, the Accounts menu offers "Sign in with coScene to use coScene Access", which starts Add Profile', async () => {
    const file = cocliFile();
    const original = fs.readFileSync(file, 'utf8');
    const signIn = menuEntry(/^\s*Sign in with coScene to use coScene Access/);
    try {
      fs.writeFileSync(file, ''); // as after `cocli login delete` of the last profile
      await statusItem('coScene').waitFor({ timeout: 30_000 });
      await openAccountsMenu(() => signIn.first().isVisible(), 'the coScene sign-in offer');
      assert.equal(await menuEntry(/\(coScene\)\s*$/).count(), 0, 'no coScene account without a profile');
      await screenshot(page(), 'accounts-sign-in-offer');
      await chooseMenuPath(page(), [(await signIn.first().innerText()).trim()]);
      const widget = page().locator('.quick-input-widget');
      await widget.locator('.quick-input-title', { hasText: 'Add coScene Profile' }).waitFor();
      await page().keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden' });
    } finally {
      fs.writeFileSync(file, original);
    }
    await statusItem(`coScene: demo · ${FAKE_COSCENE.orgSlug}`).waitFor({ timeout: 30_000 });
    await withAccount('demo'); // the account is back
    assert.equal(await signIn.count(), 0, 'the sign-in offer is withdrawn once there is an account');
    await closeMenu();
  });

  it('Get Started shows the coScene walkthrough with its steps', async () => {
    await page().keyboard.press('F1');
    const input = page().locator('.quick-input-widget input');
    await input.fill('>Welcome: Open Walkthrough');
    await page().locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().click();
    await page().locator('.quick-input-list .monaco-list-row', { hasText: NLS['walkthrough.title'] }).first().click();
    const walkthrough = page().locator('.gettingStartedContainer');
    await walkthrough.locator('.getting-started-category h2', { hasText: NLS['walkthrough.title'] }).first().waitFor();
    const titles = MANIFEST.contributes.walkthroughs[0].steps.map((step) => NLS[`walkthrough.${step.id}.title`]);
    const steps = walkthrough.locator('.getting-started-step');
    await steps.first().waitFor();
    const shown = (await steps.locator('.step-title').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(shown, titles);
    // The first step is open: its description and its Add Profile button.
    await steps.nth(0).getByRole('button', { name: 'Add Profile…' }).waitFor();
    await screenshot(page(), 'walkthrough-get-started');
  });
});
