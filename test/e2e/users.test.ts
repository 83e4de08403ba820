import * as assert from 'assert';
import { fetchRequestLog, lastSeq } from '../fake/requestLog';
import { FAKE_COSCENE, generateCosceneData } from '../fake/seed/coscene';
import { answerQuickInput, expandRow, focusView, openViewContainer, runCommand, treeRow } from '../support/workbenchDriver';
import { NLS, screenshot, useWorkbench } from './workbench';

// Organization Users grouped by role, one page (coscene.users.pageSize, 100 as cocli) at a time.
describe('organization users in the workbench, grouped by role and paged', function () {
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
    assert.equal((await admins.locator('.label-description').innerText()).trim(), String(countOf('ORGANIZATION_ADMIN')));
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
    assert.ok(total > 101 && total <= 200, `the seed has ${total} readers: two pages (101 would look like 100 + Load more)`);
    assert.equal((await readers.locator('.label-description').innerText()).trim(), String(total));
    await expandRow(readers);
    await treeRow(pane, '李娜').or(pane.locator('[role="treeitem"][aria-level="2"]')).first().waitFor();
    await page().keyboard.press('End'); // the focused tree scrolls to its last row, as a person scrolls down
    const loadMore = treeRow(pane, 'Load more…');
    await loadMore.waitFor();
    assert.equal((await loadMore.locator('.label-description').innerText()).trim(), `100 of ${total}`);
    await screenshot(page(), 'org-users-load-more');

    const fakeUrl = process.env.COSCENE_FAKE_URL;
    if (!fakeUrl) throw new Error('COSCENE_FAKE_URL is not set: run the UI tests through test/tools/run-e2e.mjs');
    const before = lastSeq(await fetchRequestLog(fakeUrl));
    await loadMore.click();
    await loadMore.waitFor({ state: 'detached' });
    // The tree tells each row how many siblings it has: the group now holds every reader, and no Load more or
    // error row (an error row would count as one more sibling and take the last place).
    const readerRows = pane.locator(`[role="treeitem"][aria-level="2"][aria-setsize="${total}"]`);
    await readerRows.first().waitFor();
    await page().keyboard.press('End'); // the tree kept the keyboard focus: to the group's (the view's) last row
    const last = pane.locator(`[role="treeitem"][aria-level="2"][aria-setsize="${total}"][aria-posinset="${total}"]`);
    const lastReader = seeded.filter((u) => u.orgRoleCode === 'ORGANIZATION_READER').at(-1)!;
    assert.equal((await last.locator('.label-name').innerText()).trim(), lastReader.nickname);
    // One request for the second page: the readers' filter, 100 a page, the first page's token.
    const sent = (await fetchRequestLog(fakeUrl, { procedure: 'ListUsers', after: before })).filter((r) => r.body?.parent === undefined);
    assert.equal(sent.length, 1, `Load more sent ${sent.length} ListUsers requests`);
    assert.equal(sent[0].body?.filter, 'role.code="ORGANIZATION_READER"');
    assert.equal(sent[0].body?.pageSize, 100);
    assert.ok(sent[0].body?.pageToken, 'the second page is asked for by its token');
    await screenshot(page(), 'org-users-second-page');
  });

  it('a nickname filter that matches nothing says which filter, and Clear Filter on its row brings the groups back', async () => {
    const pane = await focusView(page(), NLS['view.orgUsers']);
    const nobody = 'zq-nobody-has-this';
    assert.ok(!seeded.some((u) => (u.nickname ?? '').toLowerCase().includes(nobody)));
    await runCommand(page(), `coScene: ${NLS['cmd.orgUsers.findByNickname']}`, { asksNext: true });
    await answerQuickInput(page(), 'Filter Organization Users by Nickname', nobody);
    const empty = treeRow(pane, `No users matching "${nobody}"`);
    await empty.waitFor({ timeout: 30_000 });
    await empty.hover(); // its inline button shows on hover (and on the focused row)
    const clear = empty.locator(`.action-label[aria-label="${NLS['cmd.orgUsers.clearFilter']}"]`);
    await clear.waitFor();
    await screenshot(page(), 'org-users-empty-filter');
    await clear.click();
    await empty.waitFor({ state: 'detached' });
    await treeRow(pane, 'Organization Admin').waitFor();
  });
});
