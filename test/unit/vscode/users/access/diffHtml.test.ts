import * as assert from 'node:assert/strict';
import { compareAccess } from '../../../../../src/core/access/compare';
import type { AccessSnapshot } from '../../../../../src/core/access/snapshot';
import { renderDiffHtml, type DiffHtmlLabels } from '../../../../../src/vscode/users/access/diffHtml';

const snapshot = (members: [string, string][], nickname: string): AccessSnapshot => ({
  organization: 'acme',
  readAt: Date.UTC(2026, 10, 1),
  orgRolesRead: true,
  users: new Map([['users/u1', { name: 'users/u1', nickname, email: '', active: true, orgRole: 'ORGANIZATION_READER' }]]),
  projects: new Map([['projects/p1', { id: 'projects/p1', slug: 'mcap', membersRead: true }]]),
  memberships: new Map([['users/u1', new Map(members)]]),
});

const labels: DiffHtmlLabels = {
  language: 'en',
  title: 'Access Changes',
  subtitle: 'Before → After',
  summary: 'Summary',
  change: 'Change',
  count: 'Count',
  changes: 'Changes',
  user: 'User',
  nickname: 'Nickname',
  project: 'Project',
  before: 'Before',
  after: 'After',
  noChanges: 'No changes.',
  kind: (k) => `kind:${k}`,
  copyMarkdown: 'Copy as Markdown',
  copyCsv: 'Copy as CSV',
  save: 'Save…',
  notes: ['a <note>'],
};

describe('Compare Access panel HTML', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const diff = compareAccess(snapshot([['projects/p1', 'PROJECT_READER']], hostile), snapshot([], hostile));
  const html = renderDiffHtml({ diff, labels, nonce: 'n0nce', cspSource: 'vscode-webview:' });

  it('counts each kind of change, then lists every change, server text escaped', () => {
    assert.match(html, /<tr class="membership-lost"><td>kind:membership-lost<\/td><td class="count">1<\/td><\/tr>/);
    assert.match(
      html,
      /<td>kind:membership-lost<\/td><td><code>users\/u1<\/code><\/td><td>&lt;img src=x onerror=alert\(1\)&gt;<\/td><td>mcap<\/td><td>PROJECT_READER<\/td><td><\/td>/,
    );
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /<p>a &lt;note&gt;<\/p>/);
  });

  it('offers Copy and Save…, and says when nothing changed', () => {
    assert.match(html, /<button type="button" data-action="save">Save…<\/button>/);
    const none = renderDiffHtml({ diff: compareAccess(snapshot([], 'x'), snapshot([], 'x')), labels, nonce: 'n', cspSource: 's' });
    assert.match(none, /<p class="none">No changes\.<\/p>/);
    assert.doesNotMatch(none, /<table/);
  });
});
