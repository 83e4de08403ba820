import * as assert from 'node:assert/strict';
import type { UserAccess } from '../../../../../src/core/access/matrix';
import { renderAccessHtml, type AccessHtmlLabels } from '../../../../../src/vscode/users/access/accessHtml';

const project = (slug: string, displayName: string) => ({ name: `projects/${slug}`, slug, displayName, description: '', archived: false });

const access: UserAccess = {
  user: { name: 'users/u1', nickname: '<img src=x onerror=alert(1)>', email: 'a@example.com', active: true },
  orgRole: 'ORGANIZATION_WRITER',
  memberships: [
    { project: project('mcap', 'MCAP samples'), role: 'PROJECT_WRITER' },
    { project: project('fleet', '车队 "运营" & <co>'), role: 'PROJECT_ADMIN' },
  ],
  notMemberOf: 1,
  unreadable: [{ project: project('lidar', 'LiDAR'), status: 'denied' }],
  includeArchived: false,
  finishedAt: Date.UTC(2026, 10, 29),
};

const labels: AccessHtmlLabels = {
  language: 'en',
  title: 'Access of <b>x</b>',
  subtitle: 'users/u1',
  scope: 'Scope',
  project: 'Project',
  slug: 'Slug',
  role: 'Role',
  organization: 'Organization',
  projectScope: 'Project',
  unreadable: 'could not be read',
  copyMarkdown: 'Copy as Markdown',
  copyCsv: 'Copy as CSV',
  compare: 'Compare with <another>',
  revealProject: 'Show in Project Users',
  save: 'Save…',
  notes: ['note <1>'],
};

describe('Show Access webview HTML', () => {
  const html = renderAccessHtml({ access, labels, nonce: 'n0nce', cspSource: 'vscode-resource:' });

  it('one row for the organization role, one per membership, a "?" row per unreadable project', () => {
    const rows = [...html.matchAll(/<tr class="(organization|project)">(.*?)<\/tr>/g)].map((m) =>
      m[2].split('</td><td>').map((cell) => cell.replace(/<[^>]+>/g, '')),
    );
    assert.deepEqual(rows, [
      ['Organization', '', '', 'ORGANIZATION_WRITER'],
      ['Project', 'MCAP samples', 'mcap', 'PROJECT_WRITER'],
      ['Project', '车队 &quot;运营&quot; &amp; &lt;co&gt;', 'fleet', 'PROJECT_ADMIN'],
      ['Project', 'LiDAR', 'lidar', '?'],
    ]);
  });

  it('escapes everything, allows only its own nonce, loads nothing external', () => {
    assert.ok(!html.includes('<b>x</b>') && html.includes('Access of &lt;b&gt;x&lt;/b&gt;'));
    assert.ok(html.includes('note &lt;1&gt;'));
    assert.ok(
      html.includes(
        'content="default-src &#39;none&#39;; style-src vscode-resource: &#39;nonce-n0nce&#39;; script-src &#39;nonce-n0nce&#39;;"',
      ),
    );
    assert.doesNotMatch(html, /src="http|href="http/);
    assert.equal([...html.matchAll(/<script/g)].length, 1);
  });

  it('offers the two copy buttons and Save…', () => {
    assert.match(html, /<button type="button" data-format="markdown">Copy as Markdown<\/button>/);
    assert.match(html, /<button type="button" data-format="csv">Copy as CSV<\/button>/);
    assert.match(html, /<button type="button" data-action="save">Save…<\/button>/);
    assert.match(html, /vscode\.postMessage\(\{ type: 'save' \}\)/);
  });

  it('offers Compare, and each project name is a link carrying its slug (escaped) to reveal it', () => {
    assert.match(html, /<button type="button" data-action="compare">Compare with &lt;another&gt;<\/button>/);
    assert.deepEqual(
      [...html.matchAll(/<a href="#" data-project="([^"]*)"/g)].map((m) => m[1]),
      ['mcap', 'fleet', 'lidar'],
    );
  });

  it('compared with another user: one table, a role column each, rows lined up by project', () => {
    const other: UserAccess = {
      ...access,
      user: { name: 'users/u2', nickname: 'Bob', email: '', active: true },
      orgRole: 'ORGANIZATION_READER',
      memberships: [
        { project: project('fleet', '车队 "运营" & <co>'), role: 'PROJECT_READER' },
        { project: project('perception', 'Perception'), role: 'PROJECT_ADMIN' },
      ],
      unreadable: [],
    };
    const pair = renderAccessHtml({ access, other, labels, nonce: 'n', cspSource: 'c' });
    assert.match(pair, /<th scope="col">&lt;img src=x onerror=alert\(1\)&gt;<\/th><th scope="col">Bob<\/th>/);
    const rows = [...pair.matchAll(/<tr class="(organization|project)[^"]*">(.*?)<\/tr>/g)].map((m) =>
      m[2].split('</td><td>').map((cell) => cell.replace(/<[^>]+>/g, '')),
    );
    assert.deepEqual(rows, [
      ['Organization', '', '', 'ORGANIZATION_WRITER', 'ORGANIZATION_READER'],
      ['Project', 'MCAP samples', 'mcap', 'PROJECT_WRITER', ''],
      ['Project', '车队 &quot;运营&quot; &amp; &lt;co&gt;', 'fleet', 'PROJECT_ADMIN', 'PROJECT_READER'],
      ['Project', 'Perception', 'perception', '', 'PROJECT_ADMIN'],
      ['Project', 'LiDAR', 'lidar', '?', ''],
    ]);
  });
});
