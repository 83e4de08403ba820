import * as assert from 'assert';
import { FAKE_COSCENE } from '../fake/seed/coscene';
import { answerQuickInput, expandRow, focusView, openViewContainer, runCommand, treeRow } from '../support/workbenchDriver';
import { NLS, screenshot, useWorkbench } from './workbench';

// Projects in the Project Users view, and Show Access for a user (a webview table).
describe('projects and the access overview in the workbench', function () {
  this.timeout(120_000);
  const page = useWorkbench();

  it("Project Users lists the projects: the profile's first and expanded into its role groups", async () => {
    await openViewContainer(page(), NLS['container.title']);
    const pane = await focusView(page(), NLS['view.projectUsers']);
    const mcap = treeRow(pane, 'MCAP samples');
    await mcap.waitFor({ timeout: 30_000 });
    assert.equal((await mcap.locator('.label-description').innerText()).trim(), 'mcap');
    await treeRow(pane, 'Project Admin').first().waitFor({ timeout: 30_000 });
    const fleet = treeRow(pane, '车队运营');
    await fleet.waitFor();
    assert.equal((await fleet.locator('.label-description').innerText()).trim(), 'fleet-ops');
    await expandRow(fleet);
    await treeRow(pane, 'Project Writer').nth(1).waitFor();
    await screenshot(page(), 'project-users-projects');
  });

  it('Show Access for User… shows the organization role and the role in every project', async () => {
    await runCommand(page(), `coScene: ${NLS['cmd.user.showAccess']}`, { asksNext: true });
    await answerQuickInput(page(), 'Show Access for User', FAKE_COSCENE.writerUserName);
    const tab = page().locator('.tabs-container .tab', { hasText: 'Access of 王强' });
    await tab.waitFor({ timeout: 60_000 });
    const table = page().frameLocator('iframe.webview').first().frameLocator('iframe#active-frame');
    const rows = table.locator('tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    const cells = (await rows.allInnerTexts()).map((r) =>
      r
        .split('\t')
        .map((c) => c.trim())
        .join(' | '),
    );
    assert.deepEqual(cells, [
      'Organization |  |  | ORGANIZATION_WRITER',
      'Project | MCAP samples | mcap | PROJECT_WRITER',
      'Project | 感知算法 | perception | PROJECT_WRITER',
      'Project | 车队运营 | fleet-ops | PROJECT_ADMIN',
    ]);
    await table.getByRole('button', { name: /Markdown/ }).waitFor();
    await screenshot(page(), 'access-table');
  });
});
