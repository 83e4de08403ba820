import * as assert from 'node:assert/strict';
import { CHANGE_KINDS, compareAccess, type AccessChange } from '../../../../src/core/access/compare';
import { formatMsg } from '../../../../src/core/errors';
import { P, snapshot } from './reviewFixtures';

const FLEET = P('p1', 'fleet-ops');
const LIDAR = P('p2', 'lidar');
const kinds = (changes: AccessChange[]) => changes.map((c) => c.kind);

describe('comparing two access snapshots', () => {
  it('nothing changed: no change, every count 0', () => {
    const s = snapshot({
      users: [['users/a', 'Ann', 'ORGANIZATION_ADMIN', true]],
      projects: [FLEET],
      memberships: [['users/a', 'projects/p1', 'PROJECT_ADMIN']],
    });
    const diff = compareAccess(s, s);
    assert.deepEqual(diff.changes, []);
    assert.deepEqual(Object.keys(diff.counts), [...CHANGE_KINDS]);
    assert.ok(Object.values(diff.counts).every((n) => n === 0));
    assert.deepEqual(diff.notes, []);
  });

  it('users: joined, left, nickname changed (one rename, not left + joined), org role changed, deactivated, reactivated', () => {
    const before = snapshot({
      users: [
        ['users/a', 'Ann', 'ORGANIZATION_ADMIN', true],
        ['users/b', 'Bo', 'ORGANIZATION_READER', true],
        ['users/c', 'Cy', 'ORGANIZATION_READER', true],
        ['users/d', 'Di', 'ORGANIZATION_WRITER', false],
      ],
      projects: [],
      memberships: [],
    });
    const after = snapshot({
      users: [
        ['users/a', 'Annie', 'ORGANIZATION_ADMIN', true],
        ['users/c', 'Cy', 'ORGANIZATION_WRITER', false],
        ['users/d', 'Di', 'ORGANIZATION_WRITER', true],
        ['users/e', 'Ed', 'ORGANIZATION_READER', true],
      ],
      projects: [],
      memberships: [],
    });
    assert.deepEqual(compareAccess(before, after).changes, [
      { kind: 'user-renamed', user: 'users/a', nickname: 'Annie', before: 'Ann', after: 'Annie' },
      { kind: 'user-left', user: 'users/b', nickname: 'Bo', before: 'ORGANIZATION_READER' },
      { kind: 'org-role-changed', user: 'users/c', nickname: 'Cy', before: 'ORGANIZATION_READER', after: 'ORGANIZATION_WRITER' },
      { kind: 'user-deactivated', user: 'users/c', nickname: 'Cy', before: 'true', after: 'false' },
      { kind: 'user-reactivated', user: 'users/d', nickname: 'Di', before: 'false', after: 'true' },
      { kind: 'user-joined', user: 'users/e', nickname: 'Ed', after: 'ORGANIZATION_READER' },
    ]);
  });

  it('memberships per project: gained, lost, role changed; sorted by project slug, then nickname', () => {
    const users: [string, string | undefined, string | undefined, boolean?][] = [
      ['users/z', 'zed', 'R'],
      ['users/y', 'Amy', 'R'],
      ['users/x', undefined, 'R'],
    ];
    const before = snapshot({
      users,
      projects: [LIDAR, FLEET],
      memberships: [
        ['users/z', 'projects/p1', 'PROJECT_READER'],
        ['users/y', 'projects/p1', 'PROJECT_WRITER'],
        ['users/y', 'projects/p2', 'PROJECT_ADMIN'],
      ],
    });
    const after = snapshot({
      users,
      projects: [FLEET, LIDAR],
      memberships: [
        ['users/z', 'projects/p1', 'PROJECT_ADMIN'],
        ['users/x', 'projects/p1', 'PROJECT_READER'],
        ['users/y', 'projects/p2', 'PROJECT_ADMIN'],
      ],
    });
    const diff = compareAccess(before, after);
    assert.deepEqual(diff.changes, [
      { kind: 'membership-lost', user: 'users/y', nickname: 'Amy', project: 'fleet-ops', before: 'PROJECT_WRITER' },
      { kind: 'membership-gained', user: 'users/x', project: 'fleet-ops', after: 'PROJECT_READER' },
      {
        kind: 'project-role-changed',
        user: 'users/z',
        nickname: 'zed',
        project: 'fleet-ops',
        before: 'PROJECT_READER',
        after: 'PROJECT_ADMIN',
      },
    ]);
    assert.equal(diff.counts['membership-gained'], 1);
    assert.equal(diff.counts['membership-lost'], 1);
    assert.equal(diff.counts['project-role-changed'], 1);
    assert.deepEqual(compareAccess(before, after), diff, 'deterministic');
  });

  it('projects: added, removed, renamed (memberships compared across the rename), archived (not everyone losing access), unarchived', () => {
    const users: [string, string | undefined, string | undefined, boolean?][] = [['users/a', 'Ann', 'R']];
    const before = snapshot({
      users,
      projects: [FLEET, LIDAR, P('p3', 'old'), P('p4', 'legacy', { displayName: 'Legacy' }), P('p5', 'frozen', { archived: true })],
      memberships: [
        ['users/a', 'projects/p2', 'PROJECT_READER'],
        ['users/a', 'projects/p3', 'PROJECT_ADMIN'],
        ['users/a', 'projects/p4', 'PROJECT_READER'],
      ],
    });
    const after = snapshot({
      users,
      projects: [
        FLEET,
        P('p2', 'lidar-2024', { displayName: 'Lidar 2024' }),
        P('p4', 'legacy', { displayName: 'Legacy', archived: true }),
        P('p5', 'frozen', { archived: false }),
        P('p6', 'new'),
      ],
      memberships: [
        ['users/a', 'projects/p2', 'PROJECT_WRITER'],
        ['users/a', 'projects/p6', 'PROJECT_ADMIN'],
      ],
    });
    assert.deepEqual(compareAccess(before, after).changes, [
      { kind: 'project-unarchived', project: 'frozen' },
      { kind: 'project-archived', project: 'legacy' },
      { kind: 'project-renamed', project: 'lidar-2024', before: 'lidar', after: 'lidar-2024 (Lidar 2024)' },
      {
        kind: 'project-role-changed',
        user: 'users/a',
        nickname: 'Ann',
        project: 'lidar-2024',
        before: 'PROJECT_READER',
        after: 'PROJECT_WRITER',
      },
      { kind: 'project-added', project: 'new', after: 'members: 1' },
      { kind: 'project-removed', project: 'old', before: 'members: 1', after: 'removed' },
    ]);
  });

  it('a project missing from a later export without archived projects: "removed or archived"', () => {
    const before = snapshot({ users: [], projects: [FLEET], memberships: [], includesArchived: false });
    const after = snapshot({ users: [], projects: [], memberships: [], includesArchived: false });
    assert.deepEqual(compareAccess(before, after).changes, [
      { kind: 'project-removed', project: 'fleet-ops', before: 'members: 0', after: 'removed or archived' },
    ]);
  });

  it('a project unreadable on either side is listed as not compared, its memberships left out', () => {
    const users: [string, string | undefined, string | undefined, boolean?][] = [['users/a', 'Ann', 'R']];
    const before = snapshot({ users, projects: [FLEET, LIDAR], memberships: [['users/a', 'projects/p1', 'PROJECT_ADMIN']] });
    const after = snapshot({
      users,
      projects: [P('p1', 'fleet-ops', { membersRead: false }), LIDAR],
      memberships: [['users/a', 'projects/p2', 'PROJECT_READER']],
    });
    assert.deepEqual(compareAccess(before, after).changes, [
      { kind: 'project-not-compared', project: 'fleet-ops', before: 'read', after: 'not read' },
      { kind: 'membership-gained', user: 'users/a', nickname: 'Ann', project: 'lidar', after: 'PROJECT_READER' },
    ]);
    assert.deepEqual(kinds(compareAccess(after, before).changes), ['project-not-compared', 'membership-lost']);
  });

  it('a CSV side (projects by slug, no ids) is matched by slug; two different ids with one slug are not the same project', () => {
    const json = snapshot({
      users: [['users/a', 'Ann', 'R']],
      projects: [FLEET],
      memberships: [['users/a', 'projects/p1', 'PROJECT_READER']],
    });
    const csv = snapshot({
      users: [['users/a', 'Ann', 'R']],
      projects: [{ slug: 'fleet-ops', membersRead: true }],
      memberships: [['users/a', 'fleet-ops', 'PROJECT_WRITER']],
    });
    assert.deepEqual(compareAccess(json, csv).changes, [
      {
        kind: 'project-role-changed',
        user: 'users/a',
        nickname: 'Ann',
        project: 'fleet-ops',
        before: 'PROJECT_READER',
        after: 'PROJECT_WRITER',
      },
    ]);
    assert.deepEqual(kinds(compareAccess(csv, json).changes), ['project-role-changed']);
    const recreated = snapshot({ users: [['users/a', 'Ann', 'R']], projects: [P('p9', 'fleet-ops')], memberships: [] });
    assert.deepEqual(kinds(compareAccess(json, recreated).changes), ['project-added', 'project-removed']);
  });

  it('org roster not read on one side: no joined / left / org-role changes, and a note says so', () => {
    const before = snapshot({ users: [['users/a', 'Ann', 'ORGANIZATION_ADMIN']], projects: [], memberships: [] });
    const after = snapshot({ orgRolesRead: false, users: [['users/b', 'Bo', undefined]], projects: [], memberships: [] });
    const diff = compareAccess(before, after);
    assert.deepEqual(diff.changes, []);
    assert.deepEqual(diff.notes.map(formatMsg), [
      'The organization roster was not read in both exports: joins, departures and organization roles are not compared.',
    ]);
  });

  it('a filtered export gets a note; exports without ACTIVE compare no active state', () => {
    const filters = { roleCodes: ['PROJECT_ADMIN'], projects: [], includeArchived: false, inactiveWithRoleOnly: false };
    const before = { ...snapshot({ users: [['users/a', 'Ann', 'R']], projects: [], memberships: [] }), filters };
    const after = snapshot({ users: [['users/a', 'Ann', 'R', false]], projects: [], memberships: [] });
    const diff = compareAccess(before, after);
    assert.deepEqual(diff.changes, []);
    assert.deepEqual(diff.notes.map(formatMsg), [
      'The earlier export was filtered: users and projects outside its filter may show as joined or added.',
    ]);
  });

  it('exports of two organizations: a note names both', () => {
    const a = snapshot({ organization: 'acme', users: [], projects: [], memberships: [] });
    const b = snapshot({ organization: 'globex', users: [], projects: [], memberships: [] });
    assert.deepEqual(compareAccess(a, b).notes.map(formatMsg), ['The two exports are from different organizations: acme and globex.']);
  });

  it('a user who left also loses the memberships they held (each listed under its project)', () => {
    const before = snapshot({
      users: [['users/a', 'Ann', 'R']],
      projects: [FLEET],
      memberships: [['users/a', 'projects/p1', 'PROJECT_ADMIN']],
    });
    const after = snapshot({ users: [], projects: [FLEET], memberships: [] });
    const diff = compareAccess(before, after);
    assert.deepEqual(kinds(diff.changes), ['user-left', 'membership-lost']);
    assert.equal(diff.changes[1].nickname, 'Ann');
  });
});
