import * as assert from 'assert';
import { FAKE_COSCENE, generateCosceneData } from '../fake/seed/coscene';
import { expandRow, focusView, NLS, openViewContainer, screenshot, treeRow, until, useWorkbench } from './workbench';

// Issue 4: Organization Users grouped by role, one page (coscene.users.pageSize, 100 as cocli) at a time.
describe('organization users in the workbench (issue 4)', function () {
  this.timeout(120_000);
  const page = useWorkbench();
  const seeded = generateCosceneData(FAKE_COSCENE.defaultSeedUsers).users;
  const countOf = (code: string) => seeded.filter((u) => u.orgRoleCode === code).length;

  it('a role group lists its users with nicknames and emails', async () => {
    await openViewContainer(page(), NLS['container.title']);
    const pane = await focusView(page(), NLS['view.orgUsers']);
    await treeRow(pane, 'You: Alice Chen').waitFor({ timeout: 30_000 });
    const admins = treeRow(pane, 'Organization Admin');
    await admins.waitFor();
    assert.equal((await admins.locator('.label-description').innerText()).trim(), `${countOf('ORGANIZATION_ADMIN')} · ORGANIZATION_ADMIN`);
    await expandRow(admins);
    const alice = treeRow(pane, 'Alice Chen');
    await alice.waitFor();
    assert.equal((await alice.locator('.label-description').innerText()).trim(), 'alice.chen@lark.example.com');
    await screenshot(page(), 'org-users-admin-group');
    await admins.click(); // collapse again
    await admins.and(page().locator('[aria-expanded="false"]')).waitFor();
  });

  it('a group with more users than a page ends with "Load more…", which loads the next page', async () => {
    const pane = await focusView(page(), NLS['view.orgUsers']);
    const readers = treeRow(pane, 'Organization Reader');
    const total = countOf('ORGANIZATION_READER');
    assert.ok(total > 100 && total <= 200, `the seed has ${total} readers: two pages`);
    assert.equal((await readers.locator('.label-description').innerText()).trim(), `${total} · ORGANIZATION_READER`);
    await expandRow(readers);
    await treeRow(pane, '李娜').or(pane.locator('[role="treeitem"][aria-level="2"]')).first().waitFor();
    await page().keyboard.press('End'); // the focused tree scrolls to its last row, as a person scrolls down
    const loadMore = treeRow(pane, 'Load more…');
    await loadMore.waitFor();
    assert.equal((await loadMore.locator('.label-description').innerText()).trim(), `100 of ${total}`);
    await screenshot(page(), 'org-users-load-more');

    await loadMore.click();
    // The second page is the last: scroll to the end until the row is gone.
    await until(
      async () => {
        await page().keyboard.press('End');
        return (await loadMore.count()) === 0;
      },
      'Load more… to go away once all ' + total + ' readers are loaded',
    );
    await screenshot(page(), 'org-users-second-page');
  });
});
