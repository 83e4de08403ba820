import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FAKE_COSCENE, generateCosceneData } from '../fake/seed/coscene';
import { makeTempDir } from '../support/tempDir.cjs';
import { openViewContainer, pickQuickItem, runCommand } from '../support/workbenchDriver';
import { NLS, screenshot, useWorkbench } from './workbench';

const DEPARTED = 'users/00000000-0000-4000-8000-00000000d0e5';

/**
 * An access-matrix export "from last month": the fake's organization as the demo profile (admin) reads it, with a
 * few differences the comparison must list: a contractor who has since left, a role since changed, a membership
 * since granted, a user who joined since.
 */
function earlierExport(): { text: string; joined: string } {
  // joined: the tab-separated start of the row Compare shows for the user missing from this file
  const data = generateCosceneData();
  const adminId = FAKE_COSCENE.adminUserName.slice('users/'.length);
  const projects = data.projects.filter((p) => !p.archived && (p.visibility === 'internal' || p.members.has(adminId)));
  const joined = data.users[data.users.length - 1];
  const users = data.users
    .filter((u) => u !== joined)
    .map((u) => {
      const memberOf: Record<string, string> = {};
      for (const p of projects) {
        const role = p.members.get(u.id);
        if (role) memberOf[p.slug] = role;
      }
      if (`users/${u.id}` === FAKE_COSCENE.writerUserName) delete memberOf['fleet-ops'];
      if (`users/${u.id}` === FAKE_COSCENE.readerUserName) memberOf.mcap = 'PROJECT_WRITER';
      return {
        name: `users/${u.id}`,
        ...(u.nickname !== undefined ? { nickname: u.nickname } : {}),
        email: u.email,
        active: u.active,
        ...(u.orgRoleCode ? { organizationRole: u.orgRoleCode } : {}),
        projects: memberOf,
      };
    });
  users.push({
    name: DEPARTED,
    nickname: 'Former Contractor',
    email: 'contractor@lark.example.com',
    active: true,
    organizationRole: 'ORGANIZATION_WRITER',
    projects: { perception: 'PROJECT_WRITER' },
  });
  const readAt = '2026-11-07T09:30:00.000Z';
  const file = {
    export: {
      kind: 'access-matrix',
      organization: FAKE_COSCENE.orgSlug,
      profile: 'demo',
      endpoint: 'http://127.0.0.1',
      readAt,
      extensionVersion: '0.0.0',
      filters: { roleCodes: [], projects: [], includeArchived: false, inactiveWithRoleOnly: false },
    },
    readAt,
    includesArchived: false,
    organizationRoles: 'read',
    projects: projects.map((p) => ({
      name: `projects/${p.id}`,
      slug: p.slug,
      displayName: p.displayName,
      archived: p.archived,
      membersRead: true,
    })),
    users,
  };
  return {
    text: JSON.stringify(file, null, 2),
    joined: `Joined the organization | users/${joined.id} | ${joined.nickname ?? ''} |  |  | ${joined.orgRoleCode}`,
  };
}

// Compare Access with a Previous Export… in the workbench: the open dialog answered by typing a path.
describe('access review in the workbench', function () {
  this.timeout(150_000);
  const page = useWorkbench();
  let dir: string;

  before(() => {
    dir = makeTempDir('access-review-e2e-');
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Compare Access with a Previous Export… lists what changed since, in a webview', async () => {
    const { text, joined } = earlierExport();
    const file = path.join(dir, `access-matrix-${FAKE_COSCENE.orgSlug}-20261107-0930.json`);
    fs.writeFileSync(file, text);
    // The command is offered once the profile is known (coscene.hasProfile): the status bar names its organization.
    await openViewContainer(page(), NLS['container.title']);
    await page().locator('.statusbar-item', { hasText: FAKE_COSCENE.orgSlug }).first().waitFor({ timeout: 30_000 });
    await runCommand(page(), `coScene: ${NLS['cmd.access.compare']}`, { asksNext: true });
    // The simple file dialog: once it has listed its first folder (its ".." row), type the path, then choose the
    // file's row when it lists it.
    const dialog = page().locator('.quick-input-widget');
    await dialog.locator('.quick-input-title', { hasText: 'Compare Access with a Previous Export' }).waitFor();
    await dialog.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 30_000 });
    await dialog.locator('.quick-input-box input').fill(file);
    const row = dialog.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(file) }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await pickQuickItem(page(), /^Compare .* with$/, 'The current access');
    const tab = page().locator('.tabs-container .tab', { hasText: 'Access Changes' });
    await tab.waitFor({ timeout: 60_000 });
    const table = page().frameLocator('iframe.webview').first().frameLocator('iframe#active-frame');
    const rows = table.locator('table.changes tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    await table.getByRole('button', { name: /Save/ }).waitFor();
    await screenshot(page(), 'access-review-diff');
    const cells = (await rows.allInnerTexts()).map((r) =>
      r
        .split('\t')
        .map((c) => c.trim())
        .join(' | '),
    );
    assert.deepEqual(
      cells.sort(),
      [
        joined,
        `Left the organization | ${DEPARTED} | Former Contractor |  | ORGANIZATION_WRITER | `,
        `Project memberships gained | ${FAKE_COSCENE.writerUserName} | 王强 | fleet-ops |  | PROJECT_ADMIN`,
        `Project memberships lost | ${DEPARTED} | Former Contractor | perception | PROJECT_WRITER | `,
        `Project role changed | ${FAKE_COSCENE.readerUserName} | 李娜 | mcap | PROJECT_WRITER | PROJECT_READER`,
      ].sort(),
    );
  });
});
