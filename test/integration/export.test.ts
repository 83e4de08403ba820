import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FAKE_COSCENE } from '../fake/server';
import { USERS_COMMAND as C } from '../../src/vscode/users/keys';
import { makeTempDir } from '../support/tempDir.cjs';
import { FakeOrg, useFakeOrg } from './helpers/usersFixture';
import { restoreUi, ScriptedUi, scriptUi } from './helpers/scriptedUi';

describe('Export Users and Export Roles: every page, each format, to a file or an editor', function () {
  this.timeout(90_000);
  let org: FakeOrg;
  let dir: string;
  let ui: ScriptedUi;
  const toEditor = vscode.l10n.t('Open in a New Editor');
  /**
   * Export Users… answered as a user would: the scope ('organization' or 'project'), the role code ('' = All roles),
   * the format as its description ('csv', 'table -v'…), saved to `file` in the temp folder (read back as text).
   */
  const exportUsers = async (scope: 'organization' | 'project', roleCode: string, format: string, file: string) => {
    ui.pick((i) => i.scope === scope)
      .pick((i) => i.code === roleCode)
      .pick(format)
      .pick(vscode.l10n.t('Save to File…'))
      .saveAs(vscode.Uri.file(path.join(dir, file)));
    await vscode.commands.executeCommand(C.exportUsers);
    ui.assertAllAnswered();
    return fs.readFileSync(path.join(dir, file), 'utf8');
  };
  /** Export Roles… (the Roles view's level: all) in `format`, to a new editor; the editor's text. */
  const exportRoles = async (format: string) => {
    ui.pick(format).pick(toEditor);
    await vscode.commands.executeCommand(C.exportRoles);
    ui.assertAllAnswered();
    return vscode.window.activeTextEditor!.document;
  };

  before(async () => {
    org = await useFakeOrg();
    dir = makeTempDir('export-');
  });

  beforeEach(async () => {
    ui = await scriptUi();
  });

  afterEach(async () => {
    await restoreUi();
  });

  after(async () => {
    await org?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exports every organization user as CSV with cocli's wide columns", async () => {
    const text = await exportUsers('organization', '', 'csv', 'users.csv');
    assert.deepEqual(
      ui.asked.map((q) => q.kind),
      ['quickPick', 'quickPick', 'quickPick', 'quickPick', 'save'],
    );
    assert.match(ui.asked[4].offered[0], new RegExp(`/users-${FAKE_COSCENE.orgSlug}-\\d{8}-\\d{4}\\.csv$`), 'the dated file name');
    const all = org.server.coscene.users;
    const lines = text.trimEnd().split('\n');
    assert.equal(lines.slice(1).length, all.length, 'every user exported');
    assert.equal(lines[0], 'ID,NICKNAME,EMAIL,ROLE,ACTIVE,PHONE,CREATE TIME');
    assert.equal(lines.length - 1, all.length);
    assert.equal(lines[1].split(',')[0], all[0].id);
  });

  it('exports JSON, YAML, table and wide with all pages', async () => {
    const n = org.server.coscene.users.length;
    const read = (format: string) => exportUsers('organization', '', format, `users-${format}.out`);
    const json = JSON.parse(await read('json')) as {
      export: { kind: string; organization: string; profile: string; endpoint: string };
      users: { name: string }[];
      totalSize: string;
      nextPageToken?: string;
    };
    assert.deepEqual(
      [json.export.kind, json.export.organization, json.export.profile, json.export.endpoint],
      ['users', FAKE_COSCENE.orgSlug, 'lark', org.server.url],
      'the header says what was read where',
    );
    assert.equal(json.users.length, n);
    assert.equal(json.totalSize, String(n));
    assert.equal(json.nextPageToken, undefined);
    const yaml = await read('yaml');
    assert.equal(yaml.match(/^ {2}- /gm)?.length, n);
    assert.match(yaml, new RegExp(`^total_size: "${n}"$`, 'm'));
    const table = (await read('table')).trimEnd().split('\n');
    assert.equal(table.length, n + 1);
    assert.match(table[0], /^ID {39}NICKNAME {17}ROLE {21}ACTIVE {5}$/);
    const wide = (await read('wide')).split('\n');
    assert.match(wide[0], /^ID\s+NICKNAME\s+EMAIL\s+ROLE\s+ACTIVE\s+PHONE\s+CREATE TIME\s+$/);
  });

  it('exports a project scope limited to one role', async () => {
    const text = await exportUsers('project', 'PROJECT_WRITER', 'csv', 'mcap-writers.csv');
    assert.deepEqual(
      ui.asked[1].offered,
      [vscode.l10n.t('All roles'), 'PROJECT_ADMIN', 'PROJECT_DEVICE', 'PROJECT_LABELER', 'PROJECT_READER', 'PROJECT_WRITER'],
      "the project roles' codes",
    );
    const mcap = org.server.coscene.projects.find((p) => p.slug === 'mcap')!;
    const expected = [...mcap.members.values()].filter((c) => c === 'PROJECT_WRITER').length;
    const rows = text.trimEnd().split('\n').slice(1);
    assert.ok(expected > 0);
    assert.equal(rows.length, expected);
    assert.ok(rows.every((r) => r.includes(',PROJECT_WRITER,')));
  });

  it('a verbose table (cocli -v) has RESOURCE NAME first, cells unpadded; roles too', async () => {
    const lines = (await exportUsers('organization', 'ORGANIZATION_ADMIN', 'table -v', 'admins-v.txt')).split('\n');
    assert.equal(lines[0], 'RESOURCE NAME NICKNAME ROLE ACTIVE ');
    assert.ok(lines.includes(`${FAKE_COSCENE.adminUserName} Alice Chen ORGANIZATION_ADMIN true `));
    const text = (await exportRoles('wide -v')).getText();
    assert.match(
      text,
      /^RESOURCE NAME DISPLAY NAME CODE LEVEL \nroles\/1f2e3d4c-0000-4000-8000-000000000001 Organization Admin ORGANIZATION_ADMIN organization \n/,
    );
  });

  it('exports roles to a new editor', async () => {
    const doc = await exportRoles('yaml');
    assert.equal(doc.getText().match(/^ {2}- code: /gm)?.length, org.server.coscene.roles.length, 'every role');
    assert.equal(doc.isUntitled, true);
    assert.match(doc.getText(), /^roles:\n {2}- code: ORGANIZATION_ADMIN\n/);
    assert.match(doc.getText(), new RegExp(`^total_size: "${org.server.coscene.roles.length}"$`, 'm'));
  });
});
