import * as assert from 'node:assert/strict';
import { compareAccess } from '../../../../src/core/access/compare';
import { formatAccessDiff } from '../../../../src/core/format/accessDiff';
import { P, READ_AT, snapshot } from '../access/reviewFixtures';

/** A diff with server text that is markup in Markdown and a formula in a spreadsheet. */
function hostileDiff() {
  const before = snapshot({
    organization: 'acme',
    users: [
      ['users/a', '=HYPERLINK("http://x")', 'R'],
      ['users/b', '<img src=x>|*b*', 'R'],
    ],
    projects: [P('p1', '-fleet', { displayName: '# Fleet' })],
    memberships: [['users/a', 'projects/p1', 'PROJECT_READER']],
  });
  const after = snapshot({
    organization: 'acme',
    users: [['users/a', '=HYPERLINK("http://x")', 'R']],
    projects: [P('p1', '-fleet', { displayName: '# Fleet' })],
    memberships: [['users/a', 'projects/p1', '@SUM(1)']],
  });
  return compareAccess(before, { ...after, readAt: READ_AT + 86_400_000 });
}

describe('access diff formats', () => {
  it('CSV: one row per change, KIND USER NICKNAME PROJECT BEFORE AFTER, formulas guarded', () => {
    const csv = formatAccessDiff(hostileDiff(), 'csv').split('\n');
    assert.deepEqual(csv, [
      'KIND,USER,NICKNAME,PROJECT,BEFORE,AFTER',
      'user-left,users/b,<img src=x>|*b*,,R,',
      `project-role-changed,users/a,"'=HYPERLINK(""http://x"")",'-fleet,PROJECT_READER,'@SUM(1)`,
      '',
    ]);
  });

  it('Markdown: the two sides, the counts, then one section per kind; server text escaped', () => {
    const md = formatAccessDiff(hostileDiff(), 'markdown');
    assert.match(md, /^# Access changes\n\nBefore: acme · 2026-12-07T08:30:15\.250Z {2}\nAfter: acme · 2026-12-08T08:30:15\.250Z\n/);
    assert.match(
      md,
      /## Summary\n\n\| Change \| Count \|\n\| --- \| --- \|\n\| Left the organization \| 1 \|\n\| Project role changed \| 1 \|\n/,
    );
    assert.match(md, /## Left the organization \(1\)\n\n\| User \| Nickname \| Project \| Before \| After \|\n/);
    assert.ok(md.includes('| users/b | \\<img src=x\\>\\|\\*b\\* |  | R |  |'), md);
    assert.ok(md.includes('| users/a | \\=HYPERLINK("http://x") | \\-fleet | PROJECT_READER | @SUM(1) |'), md);
    assert.ok(!/(?<!\\)</.test(md), 'no raw HTML');
    const none = formatAccessDiff(
      compareAccess(snapshot({ users: [], projects: [], memberships: [] }), snapshot({ users: [], projects: [], memberships: [] })),
      'markdown',
    );
    assert.match(none, /Before: organization not recorded · 2026-12-07T08:30:15\.250Z/);
    assert.match(none, /\nNo changes\.\n$/);
  });

  it('JSON and YAML: before, after, counts (every kind), changes, notes', () => {
    const diff = hostileDiff();
    const json = JSON.parse(formatAccessDiff(diff, 'json')) as Record<string, unknown>;
    assert.deepEqual(json.before, { organization: 'acme', readAt: '2026-12-07T08:30:15.250Z' });
    assert.equal((json.counts as Record<string, number>)['user-left'], 1);
    assert.equal((json.counts as Record<string, number>)['user-joined'], 0);
    assert.deepEqual((json.changes as unknown[])[1], {
      kind: 'project-role-changed',
      user: 'users/a',
      nickname: '=HYPERLINK("http://x")',
      project: '-fleet',
      before: 'PROJECT_READER',
      after: '@SUM(1)',
    });
    assert.deepEqual(json.notes, []);
    const yaml = formatAccessDiff(diff, 'yaml');
    assert.match(yaml, /^ {2}user-left: "1"$/m);
    assert.match(yaml, /^ {4}nickname: =HYPERLINK\("http:\/\/x"\)$/m);
    assert.match(yaml, /^ {2}- after: '@SUM\(1\)'$/m);
  });
});
