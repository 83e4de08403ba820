import * as assert from 'assert';
import { FAKE_HUAWEI } from '../fake/seed/huawei';
import {
  answerQuickInput,
  expandRow,
  focusView,
  openViewContainer,
  pickQuickItem,
  runCommand,
  toast,
  treeRow,
  viewHeader,
} from '../support/workbenchDriver';
import { NLS_ZH, screenshot, useWorkbench, zh } from './workbench';

// The zh-CN UI seen in a workbench: run-e2e.mjs opens a second code-server with --locale zh-cn and a local language
// pack (test/tools/language-pack.mjs); a CJK font (fonts-wqy-microhei) makes the screenshots show the characters.
describe('the Simplified Chinese UI in the workbench', function () {
  this.timeout(150_000);
  const page = useWorkbench('zh-cn');
  const views = ['view.orgUsers', 'view.projectUsers', 'view.roles', 'view.permissions'].map((key) => NLS_ZH[key]);

  it('demo mode offers a one-click Huawei sign-in on first run, in Chinese', async () => {
    const offer = toast(page(), zh('Sign In (Demo)'));
    await offer.first().waitFor({ timeout: 30_000 });
    assert.match(await offer.first().innerText(), new RegExp(FAKE_HUAWEI.ak));
    await screenshot(page(), 'zh-cn-demo-sign-in-offer');
    await offer
      .first()
      .locator('.codicon-notifications-clear')
      .click()
      .catch(() => page().keyboard.press('Escape'));
  });

  it('view titles and tree labels are Chinese', async () => {
    await openViewContainer(page(), NLS_ZH['container.title']);
    for (const title of views) await viewHeader(page(), title).waitFor();
    assert.ok(
      views.every((t) => /[\u4e00-\u9fff]/.test(t)),
      JSON.stringify(views),
    );
    const org = await focusView(page(), NLS_ZH['view.orgUsers']);
    await treeRow(org, zh('You: {0}', 'Alice Chen')).waitFor({ timeout: 30_000 });
    const readers = treeRow(org, 'Organization Reader');
    await expandRow(readers);
    // The group's first page must be in the tree before End can scroll to its last row.
    await org.locator('[role="treeitem"][aria-level="2"]').first().waitFor({ timeout: 30_000 });
    await page().keyboard.press('End');
    await treeRow(org, zh('Load more…')).waitFor();
    await screenshot(page(), 'zh-cn-org-users');
  });

  it('palette commands have Chinese titles', async () => {
    await page().keyboard.press('F1');
    const input = page().locator('.quick-input-widget input');
    await input.fill(`>coScene: ${NLS_ZH['cmd.registry.forgetCredential']}`);
    const row = page().locator('.quick-input-list .monaco-list-row', { hasText: NLS_ZH['cmd.registry.forgetCredential'] });
    await row.first().waitFor();
    await screenshot(page(), 'zh-cn-command-palette');
    await page().keyboard.press('Escape');
  });

  it('a notification is Chinese', async () => {
    const removed = toast(
      page(),
      new RegExp(
        `${zh('No registry credential is stored.')}|${zh('The stored registry credential was removed. The next login creates a new one.')}`,
      ),
    );
    await runCommand(page(), `coScene: ${NLS_ZH['cmd.registry.forgetCredential']}`);
    await removed.first().waitFor();
    await screenshot(page(), 'zh-cn-notification');
  });

  it('repository permissions are labelled in Chinese (x-language: zh-cn)', async () => {
    await runCommand(page(), `coScene: ${NLS_ZH['cmd.huawei.signIn']}`, { asksNext: true });
    await pickQuickItem(page(), zh('Sign in to Huawei Cloud'), zh('IAM user and password'));
    await answerQuickInput(page(), zh('Account name (the Huawei Cloud account the IAM user belongs to)'), FAKE_HUAWEI.domainName);
    await answerQuickInput(page(), zh('IAM user name'), FAKE_HUAWEI.iamUser);
    await answerQuickInput(page(), zh('Password of IAM user {0}', FAKE_HUAWEI.iamUser), FAKE_HUAWEI.iamPassword);
    // The regions by their Chinese names (core/huawei/regions.ts).
    await page().locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: '华北-北京四' }).first().waitFor();
    await pickQuickItem(page(), zh('Region'), FAKE_HUAWEI.region);
    await pickQuickItem(page(), zh('Keep the password?'), zh('Keep the password in the OS keyring to renew the token'));
    await answerQuickInput(page(), zh('CodeArts project ID (32 characters, from the project URL)'), FAKE_HUAWEI.codeartsProjectId);
    await page().locator('.quick-input-widget').waitFor({ state: 'hidden' });

    const view = await focusView(page(), NLS_ZH['view.permissions']);
    const repo = treeRow(view, 'maven-release');
    await repo.waitFor({ timeout: 30_000 });
    await expandRow(repo);
    const manager = treeRow(view, '项目经理');
    await manager.waitFor();
    await expandRow(manager);
    const grantedObject = view.locator('[role="treeitem"][aria-level="3"]').first();
    await grantedObject.waitFor();
    await expandRow(grantedObject);
    const operation = view.locator('[role="treeitem"][aria-level="4"]').first();
    await operation.waitFor();
    assert.match(await operation.innerText(), /[\u4e00-\u9fff]/, 'operation labels are Chinese');
    await screenshot(page(), 'zh-cn-permissions');
  });
});
