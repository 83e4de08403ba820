import * as assert from 'assert';
import { operationLabel } from '../../src/core/huawei/labels';
import { FAKE_HUAWEI } from '../fake/seed/huawei';
import { answerQuickInput, expandRow, focusView, openViewContainer, pickQuickItem, runCommand, treeRow } from '../support/workbenchDriver';
import { NLS, screenshot, useWorkbench } from './workbench';

// Repository Permissions after a Huawei Cloud sign-in through the real quick inputs.
// run-e2e.mjs points coscene.huawei.endpoint and coscene.huawei.iamEndpoint at the fake.
describe('repository permissions in the workbench after a Huawei Cloud sign-in', function () {
  this.timeout(120_000);
  const page = useWorkbench();
  const { exampleRepo } = FAKE_HUAWEI;
  const pane = () => focusView(page(), NLS['view.permissions']);

  it('signs in to Huawei Cloud with an IAM user and password from the palette', async () => {
    await openViewContainer(page(), NLS['container.title']);
    const view = await pane();
    await view.getByText('Sign in to Huawei Cloud to see CodeArts Artifact repository permissions.').waitFor();

    await runCommand(page(), `coScene: ${NLS['cmd.huawei.signIn']}`, { asksNext: true });
    // One step at a time in the console's order (account, IAM user, password), the title counting the steps.
    await pickQuickItem(page(), 'Sign in to Huawei Cloud (1/7)', 'IAM user and password');
    await answerQuickInput(page(), 'Account name', FAKE_HUAWEI.domainName);
    await answerQuickInput(page(), 'IAM user name (3/7)', FAKE_HUAWEI.iamUser);
    // Back from the password step: the user name step again, with what was typed.
    const widget = page().locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: `Password of IAM user ${FAKE_HUAWEI.iamUser} (4/7)` }).waitFor();
    await widget.locator('.quick-input-left-action-bar .codicon-quick-input-back').click();
    await widget.locator('.quick-input-title', { hasText: 'IAM user name (3/7)' }).waitFor();
    assert.equal(await widget.locator('.quick-input-box input').inputValue(), FAKE_HUAWEI.iamUser, 'the user name typed is kept');
    await widget.locator('.quick-input-left-action-bar .codicon-quick-input-back').waitFor(); // Back on every step but the first
    await screenshot(page(), 'huawei-sign-in-steps');
    await widget.locator('.quick-input-box input').press('Enter');
    await answerQuickInput(page(), `Password of IAM user ${FAKE_HUAWEI.iamUser} (4/7)`, FAKE_HUAWEI.iamPassword);
    // The regions carry the console's names (typing a name finds its region).
    await widget.locator('.quick-input-title', { hasText: 'Region (5/7)' }).waitFor();
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'CN North-Beijing4' }).first().waitFor();
    await pickQuickItem(page(), 'Region', FAKE_HUAWEI.region);
    await pickQuickItem(page(), 'Keep the password?', 'Keep the password in the OS keyring to renew the token');
    await answerQuickInput(page(), 'CodeArts project ID', FAKE_HUAWEI.codeartsProjectId);
    await page().locator('.quick-input-widget').waitFor({ state: 'hidden' });

    // The CodeArts project's repositories replace the welcome text.
    for (const name of ['maven-release', 'npm-internal', 'docker-robotics']) await treeRow(view, name).waitFor({ timeout: 30_000 });
    assert.equal((await treeRow(view, 'maven-release').locator('.label-description').innerText()).trim(), 'maven2');
    await screenshot(page(), 'huawei-signed-in');
  });

  it('shows the roles of the documented example repository, added by ID', async () => {
    const view = await pane();
    await runCommand(page(), `coScene: ${NLS['cmd.permissions.addRepository']}`, { asksNext: true });
    await answerQuickInput(page(), 'CodeArts project ID', exampleRepo.projectId); // replaces the signed-in project's id
    await answerQuickInput(page(), 'Repository ID', exampleRepo.repoId);
    await page().locator('.quick-input-widget').waitFor({ state: 'hidden' });

    const repo = treeRow(view, exampleRepo.repoId);
    await repo.waitFor();
    assert.equal((await repo.locator('.label-description').innerText()).trim(), 'added by ID');
    await expandRow(repo);
    for (const role of ['System engineer', 'Project manager', 'Users']) await treeRow(view, role).waitFor();
    await expandRow(treeRow(view, 'System engineer'));
    // The documented example grants System engineer four operations on components and three on the repository;
    // only that role is expanded, so every operation row (level 4) in the view is one of its.
    const operations = view.locator('[role="treeitem"][aria-level="4"] .label-name');
    await operations.first().waitFor();
    const expected = ['downloadorview', 'import', 'upload', 'export', 'editrepository', 'restore', 'physicdelete'];
    assert.deepEqual((await operations.allInnerTexts()).map((t) => t.trim()).sort(), expected.map((k) => operationLabel(k, 'en')).sort());
    await screenshot(page(), 'permissions-example-repository');
  });

  it('"Show Permission Matrix" on the repository row shows roles × operations with ✓ marks', async () => {
    const view = await pane();
    const repo = treeRow(view, exampleRepo.repoId);
    await repo.hover();
    await repo.locator('.actions .action-label[aria-label="Show Permission Matrix"]').click();

    const editorTab = page().locator('.tabs-container .tab', { hasText: `Permissions: ${exampleRepo.repoId}` });
    await editorTab.waitFor();
    const matrix = page().frameLocator('iframe.webview').first().frameLocator('iframe#active-frame');
    const roles = matrix.locator('tbody th.role');
    await roles.first().waitFor({ timeout: 30_000 });
    assert.deepEqual((await roles.allInnerTexts()).map((t) => t.trim()).sort(), ['Project manager', 'System engineer']);

    // The documented example: System engineer has 7 operations, Project manager 12 (5 on components, 7 on the repository).
    const marksIn = (role: string) => matrix.locator('tbody tr', { has: matrix.locator('th.role', { hasText: role }) }).locator('td.mark');
    assert.equal(await marksIn('System engineer').count(), 7);
    assert.equal(await marksIn('Project manager').count(), 12);
    assert.deepEqual([...new Set((await matrix.locator('td.mark').allInnerTexts()).map((t) => t.trim()))], ['✓']);
    await matrix.getByRole('button', { name: /Markdown/ }).waitFor();
    await screenshot(page(), 'permission-matrix');
  });
});
