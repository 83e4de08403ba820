import * as assert from 'node:assert/strict';
import { filterAccessMatrix } from '../../../../src/core/access/matrix';
import { formatAccessMatrix } from '../../../../src/core/format/access';
import { exportFactsLines } from '../../../../src/core/format/exportFacts';
import { ALICE, BOB, sampleFacts, sampleMatrix } from '../access/reviewFixtures';

describe('access matrix exports: ACTIVE column and the export header', () => {
  it('CSV: ACTIVE after EMAIL, one header row, with or without facts', () => {
    const matrix = sampleMatrix();
    const csv = formatAccessMatrix(matrix, 'csv');
    const lines = csv.split('\n');
    assert.equal(lines[0], 'USER,NICKNAME,EMAIL,ACTIVE,ORGANIZATION ROLE,fleet-ops,lidar,secret,legacy');
    assert.equal(lines[1], 'users/a1,Alice,alice@example.com,true,ORGANIZATION_ADMIN,PROJECT_ADMIN,PROJECT_WRITER,?,');
    assert.equal(lines[2], "users/b2,'=Bob+1,bob@example.com,false,ORGANIZATION_READER,PROJECT_READER,,?,PROJECT_READER");
    assert.equal(formatAccessMatrix(matrix, 'csv', undefined, sampleFacts()), csv, 'CSV stays a plain table');
  });

  it('JSON and YAML: `active` per user; with facts a top-level `export:` object (no token anywhere)', () => {
    const matrix = sampleMatrix();
    const plain = JSON.parse(formatAccessMatrix(matrix, 'json')) as Record<string, unknown>;
    assert.equal(plain.export, undefined);
    const json = JSON.parse(formatAccessMatrix(matrix, 'json', undefined, sampleFacts())) as {
      export: Record<string, unknown>;
      users: { name: string; active: boolean }[];
    };
    assert.deepEqual(
      json.users.map((u) => [u.name, u.active]),
      [
        ['users/a1', true],
        ['users/b2', false],
        ['users/c3', true],
        ['users/d4', true],
      ],
    );
    assert.deepEqual(json.export, {
      kind: 'access-matrix',
      organization: 'acme',
      profile: 'work',
      endpoint: 'https://openapi.coscene.cn',
      readAt: '2026-12-07T08:30:15.250Z',
      extensionVersion: '0.1.0',
      filters: { roleCodes: [], projects: [], includeArchived: true, inactiveWithRoleOnly: false },
    });
    const yaml = formatAccessMatrix(
      matrix,
      'yaml',
      undefined,
      sampleFacts({ filters: { ...sampleFacts().filters, roleCodes: ['PROJECT_ADMIN'] } }),
    );
    assert.match(yaml, /^export:\n {2}endpoint: https:\/\/openapi\.coscene\.cn\n/);
    assert.match(yaml, /^ {4}roleCodes:\n {6}- PROJECT_ADMIN$/m);
    assert.match(yaml, /^ {2}- active: false\n {4}email: bob@example.com$/m);
  });

  it('Markdown: an Active column, and the facts as a short block of lines before the table', () => {
    const matrix = sampleMatrix();
    const md = formatAccessMatrix(matrix, 'markdown', undefined, sampleFacts({ profile: 'my_*profile*' }));
    const [head, table] = md.split('\n\n');
    assert.deepEqual(head.split('  \n'), [
      'Organization: acme',
      'Profile: my\\_\\*profile\\* (https://openapi.coscene.cn)',
      'Read at: 2026-12-07T08:30:15.250Z',
      'Filters: none',
      'coScene Access 0.1.0',
    ]);
    assert.match(table, /^\| User \| Nickname \| Email \| Active \| Organization role \| fleet-ops \| lidar \| secret \| legacy \|$/m);
    assert.match(table, /^\| users\/b2 \| \\=Bob\+1 \| bob@example\.com \| false \| ORGANIZATION_READER \|/m);
    assert.ok(formatAccessMatrix(matrix, 'markdown').startsWith('| User |'), 'without facts the table comes first');
  });

  it('the facts lines name the filters', () => {
    const lines = exportFactsLines(
      sampleFacts({ filters: { roleCodes: ['A', 'B'], projects: ['p'], includeArchived: false, inactiveWithRoleOnly: true } }),
    );
    assert.equal(lines[3], 'Filters: roles A, B; projects p; inactive users who still hold a role');
  });

  it('filter: inactive users who still hold a role (org role or a role in a kept project)', () => {
    const matrix = sampleMatrix();
    const rows = (f: Parameters<typeof filterAccessMatrix>[1]) => filterAccessMatrix(matrix, f).rows.map((r) => r.user.name);
    assert.deepEqual(rows({ inactiveWithRoleOnly: true }), [BOB.name]);
    const noOrgRole = { ...matrix, rows: matrix.rows.map((r) => (r.user.name === BOB.name ? { ...r, orgRole: undefined } : r)) };
    assert.deepEqual(
      filterAccessMatrix(noOrgRole, { inactiveWithRoleOnly: true, projects: ['lidar'] }).rows.map((r) => r.user.name),
      [],
      'Bob holds nothing in lidar and has no org role',
    );
    assert.deepEqual(
      filterAccessMatrix(noOrgRole, { inactiveWithRoleOnly: true, projects: ['legacy'] }).rows.map((r) => r.user.name),
      [BOB.name],
    );
    const inactiveAlice = {
      ...matrix,
      rows: matrix.rows.map((r) => (r.user.name === ALICE.name ? { ...r, user: { ...r.user, active: false } } : r)),
    };
    assert.deepEqual(
      filterAccessMatrix(inactiveAlice, { inactiveWithRoleOnly: true, roleCodes: ['PROJECT_ADMIN'] }).rows.map((r) => r.user.name),
      [ALICE.name],
      'combines with the role filter',
    );
    assert.deepEqual(rows({ inactiveWithRoleOnly: false }).length, 4);
  });
});
