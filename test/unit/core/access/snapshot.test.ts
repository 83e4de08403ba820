import * as assert from 'node:assert/strict';
import { compareAccess } from '../../../../src/core/access/compare';
import type { AccessMatrix } from '../../../../src/core/access/matrix';
import { parseAccessExport } from '../../../../src/core/access/parseExport';
import { snapshotFromMatrix, type AccessSnapshot, type SnapshotProject } from '../../../../src/core/access/snapshot';
import { formatAccessMatrix } from '../../../../src/core/format/access';
import { READ_AT, sampleFacts, sampleMatrix } from './reviewFixtures';

/** What a CSV can hold of a snapshot: projects by slug, no display name / archived, no read time or archive flag. */
function csvView(s: AccessSnapshot, organization?: string): AccessSnapshot {
  const keyOf = new Map<string, string>();
  const projects = new Map<string, SnapshotProject>();
  for (const [key, p] of s.projects) {
    keyOf.set(key, p.slug);
    projects.set(p.slug, { slug: p.slug, membersRead: p.membersRead });
  }
  const memberships = new Map([...s.memberships].map(([u, roles]) => [u, new Map([...roles].map(([k, r]) => [keyOf.get(k)!, r]))]));
  return { ...(organization ? { organization } : {}), orgRolesRead: s.orgRolesRead, users: s.users, projects, memberships };
}

/** An export as written before the export header and the ACTIVE column. */
function withoutActive(s: AccessSnapshot): AccessSnapshot {
  const users = new Map([...s.users].map(([n, u]) => [n, (({ active: _active, ...rest }) => rest)(u)]));
  return { ...s, users };
}

describe('access snapshots: from a matrix, and read back from every export format', () => {
  it('snapshotFromMatrix: users by name, projects by id, memberships of readable projects only, normalised', () => {
    const s = snapshotFromMatrix(sampleMatrix(), sampleFacts());
    assert.equal(s.organization, 'acme');
    assert.equal(s.readAt, READ_AT);
    assert.equal(s.orgRolesRead, true);
    assert.deepEqual(s.users.get('users/c3'), {
      name: 'users/c3',
      email: 'carol@example.com',
      active: true,
      orgRole: 'ORGANIZATION_WRITER',
    });
    assert.deepEqual(
      s.users.get('users/d4'),
      { name: 'users/d4', email: 'dave@example.com', active: true },
      'no org role: outside the roster',
    );
    assert.deepEqual([...s.projects.keys()], ['projects/p1', 'projects/p2', 'projects/p3', 'projects/p4']);
    assert.deepEqual(s.projects.get('projects/p3'), {
      id: 'projects/p3',
      slug: 'secret',
      displayName: 'Secret',
      archived: false,
      membersRead: false,
    });
    assert.deepEqual(
      [...s.memberships.get('users/b2')!],
      [
        ['projects/p1', 'PROJECT_READER'],
        ['projects/p4', 'PROJECT_READER'],
      ],
    );
    assert.equal(s.memberships.has('users/c3'), false, 'no membership, no entry');
    const unread: AccessMatrix = { ...sampleMatrix(), orgRoles: { status: 'denied' } };
    assert.equal(snapshotFromMatrix(unread).users.get('users/a1')?.orgRole, undefined, 'org roles not read: none kept');
  });

  for (const format of ['json', 'yaml'] as const)
    it(`round trip through ${format.toUpperCase()}: the parsed export equals snapshotFromMatrix (facts included)`, () => {
      const matrix = sampleMatrix();
      const facts = sampleFacts({
        filters: { roleCodes: ['X'], projects: ['fleet-ops'], includeArchived: true, inactiveWithRoleOnly: true },
      });
      const text = formatAccessMatrix(matrix, format, undefined, facts);
      assert.deepEqual(parseAccessExport(text, `access-matrix-acme-20261207-0830.${format}`), snapshotFromMatrix(matrix, facts));
      const old = formatAccessMatrix(matrix, format);
      assert.deepEqual(parseAccessExport(old, `matrix.${format}`), snapshotFromMatrix(matrix), 'without facts');
    });

  it('round trip through CSV: the same users and memberships, projects keyed by slug, org from a dated file name', () => {
    const matrix = sampleMatrix();
    const text = formatAccessMatrix(matrix, 'csv', undefined, sampleFacts());
    const parsed = parseAccessExport(text, '/home/me/access-matrix-acme-20261207-0830.csv');
    assert.deepEqual(parsed, csvView(snapshotFromMatrix(matrix), 'acme'));
    assert.equal(parsed.users.get('users/b2')?.nickname, '=Bob+1', "the formula guard's apostrophe is taken off");
    assert.deepEqual(parseAccessExport(text, 'mine.csv'), csvView(snapshotFromMatrix(matrix)), 'another name: organization unknown');
    const diff = compareAccess(snapshotFromMatrix(matrix, sampleFacts()), parsed);
    assert.deepEqual(
      diff.changes,
      [{ kind: 'project-not-compared', project: 'secret', before: 'not read', after: 'not read' }],
      'a CSV matches the JSON of the same matrix by slug: nothing changed but the unreadable project',
    );
  });

  it('exports written before the header and the ACTIVE column still parse (CSV, JSON, YAML)', () => {
    const matrix = sampleMatrix();
    const csv = formatAccessMatrix(matrix, 'csv')
      .split('\n')
      .map((line) =>
        line
          .split(',')
          .filter((_, i) => i !== 3)
          .join(','),
      )
      .join('\n');
    assert.ok(csv.startsWith('USER,NICKNAME,EMAIL,ORGANIZATION ROLE,fleet-ops,'));
    assert.deepEqual(parseAccessExport(csv, 'old.csv'), withoutActive(csvView(snapshotFromMatrix(matrix))));
    const json = JSON.parse(formatAccessMatrix(matrix, 'json')) as { users: Record<string, unknown>[] };
    for (const u of json.users) delete u.active;
    assert.deepEqual(parseAccessExport(JSON.stringify(json), 'old.json'), withoutActive(snapshotFromMatrix(matrix)));
  });

  it('org roles not read: the ? column reads back as not read; a project without members read keeps no memberships', () => {
    const matrix: AccessMatrix = { ...sampleMatrix(), orgRoles: { status: 'failed' } };
    for (const format of ['csv', 'json', 'yaml'] as const) {
      const s = parseAccessExport(formatAccessMatrix(matrix, format), `m.${format}`);
      assert.equal(s.orgRolesRead, false, format);
      assert.equal(s.users.get('users/a1')?.orgRole, undefined, format);
      const secret = [...s.projects.values()].find((p) => p.slug === 'secret');
      assert.equal(secret?.membersRead, false, format);
    }
  });

  it('server text that looks like YAML, Markdown or a formula reads back as sent', () => {
    const matrix = sampleMatrix();
    const odd = [
      '- [x]',
      'true',
      '"quoted", comma',
      "'apostrophe",
      '@SUM(1)',
      'line\nbreak',
      '  spaces  ',
      '#hash',
      'null',
      '1e3',
      '－1+1',
    ];
    matrix.rows = odd.map((nickname, i) => ({
      user: { name: `users/odd${i}`, nickname, email: `${nickname}@x`, active: i % 2 === 0 },
      orgRole: nickname,
      cells: [nickname, '', undefined, ''],
    }));
    for (const format of ['csv', 'json', 'yaml'] as const) {
      const s = parseAccessExport(formatAccessMatrix(matrix, format), `m.${format}`);
      assert.deepEqual(
        [...s.users.values()].map((u) => [u.nickname, u.email, u.orgRole]),
        odd.map((n) => [n, `${n}@x`, n]),
        format,
      );
      assert.deepEqual(
        [...s.memberships.values()].map((m) => [...m.values()][0]),
        odd,
        format,
      );
    }
  });
});
