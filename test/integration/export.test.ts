import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FAKE_COSCENE } from '../fake/server';
import type { ExportResult } from '../../src/vscode/users/exportDestination';
import { makeTempDir } from '../support/tempDir.cjs';
import { FakeOrg, useFakeOrg } from './helpers/usersFixture';

describe('Export Users and Export Roles: every page, each format, to a file or an editor', function () {
  this.timeout(90_000);
  let org: FakeOrg;
  let dir: string;
  const exportUsers = async (args: object) =>
    (await vscode.commands.executeCommand('coscene.export.users', args)) as ExportResult | undefined;

  before(async () => {
    org = await useFakeOrg();
    dir = makeTempDir('export-');
  });

  after(async () => {
    await org?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exports every organization user as CSV with cocli's wide columns", async () => {
    const file = path.join(dir, 'users.csv');
    const result = await exportUsers({ scope: 'organization', format: 'csv', target: { file } });
    const all = org.server.coscene.users;
    assert.equal(result?.count, all.length);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    assert.equal(lines[0], 'ID,NICKNAME,EMAIL,ROLE,ACTIVE,PHONE,CREATE TIME');
    assert.equal(lines.length - 1, all.length);
    assert.equal(lines[1].split(',')[0], all[0].id);
  });

  it('exports JSON, YAML, table and wide with all pages', async () => {
    const n = org.server.coscene.users.length;
    const read = async (format: string) => {
      const file = path.join(dir, `users-${format}.out`);
      await exportUsers({ scope: 'organization', format, target: { file } });
      return fs.readFileSync(file, 'utf8');
    };
    const json = JSON.parse(await read('json')) as { users: { name: string }[]; totalSize: string; nextPageToken?: string };
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
    const file = path.join(dir, 'mcap-writers.csv');
    const result = await exportUsers({ scope: 'project', roleCode: 'PROJECT_WRITER', format: 'csv', target: { file } });
    const mcap = org.server.coscene.projects.find((p) => p.slug === 'mcap')!;
    const expected = [...mcap.members.values()].filter((c) => c === 'PROJECT_WRITER').length;
    assert.equal(result?.count, expected);
    const rows = fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(1);
    assert.equal(rows.length, expected);
    assert.ok(rows.every((r) => r.includes(',PROJECT_WRITER,')));
  });

  it('a verbose table (cocli -v) has RESOURCE NAME first, cells unpadded; roles too', async () => {
    const file = path.join(dir, 'admins-v.txt');
    await exportUsers({ scope: 'organization', roleCode: 'ORGANIZATION_ADMIN', format: 'table', verbose: true, target: { file } });
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    assert.equal(lines[0], 'RESOURCE NAME NICKNAME ROLE ACTIVE ');
    assert.ok(lines.includes(`${FAKE_COSCENE.adminUserName} Alice Chen ORGANIZATION_ADMIN true `));
    const roles = (await vscode.commands.executeCommand('coscene.export.roles', {
      level: 'all',
      format: 'wide',
      verbose: true,
      target: 'editor',
    })) as ExportResult;
    const text = (await vscode.workspace.openTextDocument(roles.uri)).getText();
    assert.match(
      text,
      /^RESOURCE NAME DISPLAY NAME CODE LEVEL \nroles\/1f2e3d4c-0000-4000-8000-000000000001 Organization Admin ORGANIZATION_ADMIN organization \n/,
    );
  });

  it('exports roles to a new editor', async () => {
    const result = (await vscode.commands.executeCommand('coscene.export.roles', {
      level: 'all',
      format: 'yaml',
      target: 'editor',
    })) as ExportResult;
    assert.equal(result.count, org.server.coscene.roles.length);
    const doc = await vscode.workspace.openTextDocument(result.uri);
    assert.equal(doc.isUntitled, true);
    assert.match(doc.getText(), /^roles:\n {2}- code: ORGANIZATION_ADMIN\n/);
    assert.match(doc.getText(), new RegExp(`^total_size: "${org.server.coscene.roles.length}"$`, 'm'));
  });
});
