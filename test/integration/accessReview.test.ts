import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AccessChange, ChangeKind } from '../../src/core/access/compare';
import { USERS_COMMAND as C } from '../../src/vscode/users/keys';
import { FAKE_COSCENE } from '../fake/server';
import { FIXED_USER_IDS } from '../fake/seed/coscene';
import { makeTempDir } from '../support/tempDir.cjs';
import { EXTENSION_ID } from './helpers/profileFixtures';
import { restoreUi, ScriptedUi, scriptUi } from './helpers/scriptedUi';
import { FakeOrg, useFakeOrg } from './helpers/usersFixture';

/** One change as the test states it: kind, user, project, before, after. */
type Expected = [ChangeKind, string, string, string, string];

const tuple = (c: AccessChange): Expected => [c.kind, c.user ?? '', c.project ?? '', c.before ?? '', c.after ?? ''];
const sorted = (list: Expected[]) => [...list].sort((a, b) => a.join('\t').localeCompare(b.join('\t')));
const DATED = new RegExp(`^access-matrix-${FAKE_COSCENE.orgSlug}-\\d{8}-\\d{4}\\.(json|csv)$`);

/** Dated exports, then Compare Access with a Previous Export… after the organization changed on the server. */
describe('access review', function () {
  this.timeout(120_000);
  let org: FakeOrg;
  let ui: ScriptedUi;
  let dir: string;
  const files: { json?: vscode.Uri; csv?: vscode.Uri; later?: vscode.Uri } = {};
  /** What the test changed on the server, as the diff should list it. */
  const expected: Expected[] = [];

  const control = async (route: string, body: unknown) => {
    const res = await fetch(`${org.server.url}/__fake/${route}`, { method: 'POST', body: JSON.stringify(body) });
    const answer = (await res.json()) as { name?: string; error?: string };
    assert.equal(res.status, 200, `${route}: ${answer.error ?? ''}`);
    return answer;
  };
  /** Export Access Matrix… unfiltered, saved under the dated name offered, in `dir` (or a folder in it). */
  const exportMatrix = async (format: 'JSON' | 'CSV', folder = ''): Promise<vscode.Uri> => {
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    let saved: vscode.Uri | undefined;
    ui.pick(format)
      .pickMany(() => false)
      .pickMany(() => false)
      .pick(vscode.l10n.t('Save to File…'))
      .saveAs((offered) => (saved = vscode.Uri.file(path.join(dir, folder, path.posix.basename(offered?.path ?? 'none')))));
    await vscode.commands.executeCommand(C.exportAccessMatrix);
    ui.assertAllAnswered();
    assert.ok(saved, 'the save dialog was answered');
    assert.match(path.basename(saved.fsPath), DATED);
    return saved;
  };
  const compare = async (first: vscode.Uri, second?: vscode.Uri) => {
    ui.openFiles([first]);
    if (second) ui.pick(vscode.l10n.t('Another export…')).openFiles([second]);
    else ui.pick(vscode.l10n.t('The current access'));
    await vscode.commands.executeCommand(C.compareAccess);
    ui.assertAllAnswered();
    const diff = org.views.lastDiff();
    assert.ok(diff, 'the changes panel shows a diff');
    return diff;
  };
  const assertExpectedDiff = (diff: NonNullable<ReturnType<FakeOrg['views']['lastDiff']>>) => {
    assert.deepEqual(sorted(diff.changes.map(tuple)), sorted(expected));
    const counts: Partial<Record<ChangeKind, number>> = {};
    for (const [kind] of expected) counts[kind] = (counts[kind] ?? 0) + 1;
    for (const [kind, n] of Object.entries(diff.counts)) assert.equal(n, counts[kind as ChangeKind] ?? 0, kind);
  };

  before(async () => {
    org = await useFakeOrg();
    dir = makeTempDir('access-review-');
  });
  beforeEach(async () => {
    ui = await scriptUi();
  });
  afterEach(async () => {
    await restoreUi();
  });
  after(async () => {
    if (org) await fetch(`${org.server.url}/__fake/reset`, { method: 'POST' }).catch(() => undefined);
    await org?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Export Access Matrix writes a dated JSON file whose header says what was read where, and no token', async () => {
    await vscode.commands.executeCommand(C.refresh);
    files.json = await exportMatrix('JSON');
    const text = fs.readFileSync(files.json.fsPath, 'utf8');
    const parsed = JSON.parse(text) as { export: Record<string, unknown>; users: unknown[] };
    const version = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { version: string }).version;
    const readAt = Date.parse(String(parsed.export.readAt));
    assert.ok(Math.abs(Date.now() - readAt) < 120_000, `read at ${String(parsed.export.readAt)}`);
    assert.deepEqual(
      { ...parsed.export, readAt: undefined },
      {
        kind: 'access-matrix',
        organization: FAKE_COSCENE.orgSlug,
        profile: 'lark',
        endpoint: org.server.url,
        readAt: undefined,
        extensionVersion: version,
        filters: { roleCodes: [], projects: [], includeArchived: false, inactiveWithRoleOnly: false },
      },
    );
    assert.equal(parsed.users.length, org.server.coscene.users.length);
    for (const token of [FAKE_COSCENE.adminToken, FAKE_COSCENE.readerToken, FAKE_COSCENE.writerToken])
      assert.ok(!text.includes(token), 'no token in the file');
    files.csv = await exportMatrix('CSV');
    assert.match(fs.readFileSync(files.csv.fsPath, 'utf8').split('\n')[0], /^USER,NICKNAME,EMAIL,ACTIVE,ORGANIZATION ROLE,/);
  });

  it('Compare with the current access lists exactly what changed on the server', async () => {
    assert.ok(files.json, 'the first test exported');
    const fake = org.server.coscene;
    const adminId = FAKE_COSCENE.adminUserName.slice('users/'.length);
    const visible = fake.projects.filter((p) => !p.archived && (p.visibility === 'internal' || p.members.has(adminId)));
    const reader = FAKE_COSCENE.readerUserName;
    const writer = FAKE_COSCENE.writerUserName;
    // A member added, one removed, a role changed.
    await control('coscene/memberships', { project: 'perception', user: reader, role: 'PROJECT_READER' });
    expected.push(['membership-gained', reader, 'perception', '', 'PROJECT_READER']);
    await control('coscene/memberships', { project: 'mcap', user: writer, role: null });
    expected.push(['membership-lost', writer, 'mcap', 'PROJECT_WRITER', '']);
    await control('coscene/memberships', { project: 'fleet-ops', user: reader, role: 'PROJECT_ADMIN' });
    expected.push(['project-role-changed', reader, 'fleet-ops', 'PROJECT_WRITER', 'PROJECT_ADMIN']);
    // A user who leaves the organization: gone from the roster and from every project they were in.
    const leaving = fake.users.find((u) => !FIXED_USER_IDS.has(u.id) && visible.some((p) => p.members.has(u.id)))!;
    const leavingName = `users/${leaving.id}`;
    expected.push(['user-left', leavingName, '', leaving.orgRoleCode, '']);
    for (const p of visible) {
      const role = p.members.get(leaving.id);
      if (role) expected.push(['membership-lost', leavingName, p.slug, role, '']);
    }
    await control('coscene/users', { remove: leavingName });
    // A user who joins.
    const { name: joined } = await control('coscene/users', {
      add: { nickname: 'New Joiner', email: 'new.joiner@lark.example.com', orgRole: 'ORGANIZATION_READER' },
    });
    expected.push(['user-joined', joined!, '', '', 'ORGANIZATION_READER']);

    assertExpectedDiff(await compare(files.json));
    const html = org.views.lastDiffHtml() ?? '';
    assert.match(html, /<td><code>users\/[^<]+<\/code><\/td><td>New Joiner<\/td>/);
    assert.match(html, new RegExp(`<td class="count">${expected.filter(([k]) => k === 'membership-lost').length}</td>`));
    // Save… as JSON writes what formatAccessDiff gives.
    const saved = vscode.Uri.file(path.join(dir, 'changes.json'));
    ui.saveAs(saved);
    assert.equal((await org.views.saveDiff())?.fsPath, saved.fsPath);
    const written = JSON.parse(fs.readFileSync(saved.fsPath, 'utf8')) as { counts: Record<string, number>; changes: unknown[] };
    assert.equal(written.changes.length, expected.length);
    assert.equal(written.counts['user-joined'], 1);
    assert.match(String(ui.asked.at(-1)?.offered[0]), new RegExp(`access-changes-${FAKE_COSCENE.orgSlug}-\\d{8}-\\d{4}\\.md$`));
  });

  it('the same changes against the CSV export, and between two exports', async () => {
    assert.ok(files.csv && expected.length > 0, 'the earlier tests ran');
    assertExpectedDiff(await compare(files.csv));
    files.later = await exportMatrix('JSON', 'later'); // the same minute may give the same name
    assertExpectedDiff(await compare(files.json!, files.later));
  });

  it('a file that is not an access-matrix export, or one from another organization, gets a clear message', async () => {
    const shown = org.views.lastDiff();
    const notes = vscode.Uri.file(path.join(dir, 'notes.json'));
    fs.writeFileSync(notes.fsPath, JSON.stringify({ hello: 'world' }));
    ui.openFiles([notes]);
    await vscode.commands.executeCommand(C.compareAccess);
    const notAnExport = await ui.waitForMessage((m) => m.severity === 'error');
    assert.match(notAnExport.message, /^notes\.json is not an access-matrix export/);

    const other = vscode.Uri.file(path.join(dir, 'access-matrix-other.json'));
    const data = JSON.parse(fs.readFileSync(files.json!.fsPath, 'utf8')) as { export: { organization: string } };
    data.export.organization = 'another-org';
    fs.writeFileSync(other.fsPath, JSON.stringify(data));
    ui.openFiles([other]);
    await vscode.commands.executeCommand(C.compareAccess);
    await ui.waitForMessage((m) => m.severity === 'error' && m.message !== notAnExport.message);
    assert.deepEqual(ui.messages('error'), [
      notAnExport.message,
      `access-matrix-other.json is from organization another-org, not ${FAKE_COSCENE.orgSlug}.`,
    ]);
    ui.assertAllAnswered();
    assert.equal(org.views.lastDiff(), shown, 'the panel still shows the last comparison');
  });
});
