import * as assert from 'assert';
import { focusMenuPath, focusView, openViewContainer, runCommand, toast, treeRow } from '../support/workbenchDriver';
import { NLS, screenshot, useWorkbench } from './workbench';

// The access reviewer's day in the workbench: Find User (search as you type) and a project row's menu, by keyboard.
describe('access review in the workbench: Find User and the project actions', function () {
  this.timeout(120_000);
  const page = useWorkbench();

  it('Find User… searches nicknames as you type and selects the user chosen in Organization Users', async () => {
    await openViewContainer(page(), NLS['container.title']);
    const pane = await focusView(page(), NLS['view.orgUsers']);
    // The profile is loaded (the palette offers Find User only with one) once the view shows who you are.
    await treeRow(pane, 'You: Alice Chen').waitFor({ timeout: 60_000 });
    await runCommand(page(), `coScene: ${NLS['cmd.user.find']}`, { asksNext: true });
    const widget = page().locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Find User' }).waitFor();
    const input = widget.locator('.quick-input-box input');
    // Key by key: each keystroke is a new search, the one before it cancelled.
    await input.pressSequentially('alice', { delay: 60 });
    const admin = widget.locator('.quick-input-list .monaco-list-row', { hasText: 'alice.chen@' }).first();
    await admin.waitFor({ timeout: 30_000 });
    assert.match(await admin.innerText(), /Alice Chen[\s\S]*ORGANIZATION_ADMIN/, 'nickname, email and organization role');
    await screenshot(page(), 'find-user');
    // Enter takes the first row (the quick pick orders the matches itself): that user is selected in the view.
    // The label's text, not innerText: the highlighted match is its own element, which innerText breaks onto a line.
    const nickname = (
      (await widget.locator('.quick-input-list .monaco-list-row').first().locator('.label-name').first().textContent()) ?? ''
    ).trim();
    const done = toast(page(), /is selected in Organization Users/);
    await input.press('Enter');
    await done.waitFor({ timeout: 30_000 });
    await treeRow(pane, nickname).and(page().locator('[aria-selected="true"]')).waitFor({ timeout: 30_000 });
    await runCommand(page(), `coScene: ${NLS['cmd.orgUsers.clearFilter']}`);
  });

  it("a project row's context menu offers Open in coScene, Copy Slug, Export Members and its access matrix", async () => {
    const pane = await focusView(page(), NLS['view.projectUsers']);
    const mcap = treeRow(pane, 'MCAP samples');
    await mcap.waitFor({ timeout: 30_000 });
    await mcap.locator('.label-description').click(); // selects the row (the twistie is not hit)
    await page().keyboard.press('Shift+F10');
    await focusMenuPath(page(), [NLS['cmd.project.exportMembers']]);
    const labels = await page().locator('.context-view .monaco-menu .action-label').allInnerTexts();
    for (const key of ['cmd.project.openInCoScene', 'cmd.project.copySlug', 'cmd.project.exportMembers', 'cmd.project.exportAccessMatrix'])
      assert.ok(
        labels.some((l) => l.trim() === NLS[key]),
        `${NLS[key]} in ${labels.join(', ')}`,
      );
    await screenshot(page(), 'project-actions');
    await page().keyboard.press('Escape');
  });
});
