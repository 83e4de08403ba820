import * as assert from 'node:assert/strict';
import { formatRole, formatRoles, sortRoles } from '../../../../src/core/format/roles';
import { ORG_ADMIN, ORG_READER, PROJECT_ADMIN, PROJECT_WRITER } from './fixtures';

const unsorted = [PROJECT_WRITER, ORG_READER, PROJECT_ADMIN, ORG_ADMIN];

describe('roles: cocli formats', () => {
  it('sorts by level, then code', () => {
    assert.deepEqual(
      sortRoles(unsorted).map((r) => r.code),
      ['ORGANIZATION_ADMIN', 'ORGANIZATION_READER', 'PROJECT_ADMIN', 'PROJECT_WRITER'],
    );
  });

  it('default table omits NAME; widths 30/25/15 + 5', () => {
    const lines = formatRoles(unsorted, 'table').split('\n');
    assert.equal(lines[0], `${'DISPLAY NAME'.padEnd(35)}${'CODE'.padEnd(30)}${'LEVEL'.padEnd(20)}`);
    assert.equal(lines[1], `${'Organization Admin'.padEnd(35)}${'ORGANIZATION_ADMIN'.padEnd(30)}${'organization'.padEnd(20)}`);
    assert.equal(lines.length, 6);
    assert.equal(lines[5], '');
  });

  it('wide adds NAME (the id without roles/)', () => {
    const lines = formatRoles([PROJECT_ADMIN], 'wide').split('\n');
    assert.ok(lines[0].startsWith(`${'NAME'.padEnd(41)}DISPLAY NAME`));
    assert.ok(lines[1].startsWith(`${'1f2e3d4c-0000-4000-8000-000000000005'.padEnd(41)}Project Admin`));
  });

  it('json is the sorted ListRolesResponse with totalSize as a string', () => {
    const parsed = JSON.parse(formatRoles(unsorted, 'json')) as { roles: { code: string; displayName: string }[]; totalSize: string };
    assert.deepEqual(
      parsed.roles.map((r) => r.code),
      ['ORGANIZATION_ADMIN', 'ORGANIZATION_READER', 'PROJECT_ADMIN', 'PROJECT_WRITER'],
    );
    assert.equal(parsed.roles[0].displayName, 'Organization Admin');
    assert.equal(parsed.totalSize, '4');
    assert.equal('nextPageToken' in parsed, false);
  });

  it('yaml uses proto names and sorted keys', () => {
    assert.equal(
      formatRoles([ORG_ADMIN], 'yaml'),
      'roles:\n  - code: ORGANIZATION_ADMIN\n    display_name: Organization Admin\n    level: organization\n    name: roles/1f2e3d4c-0000-4000-8000-000000000001\ntotal_size: "1"\n',
    );
  });

  it('csv has all four columns', () => {
    assert.equal(
      formatRoles([PROJECT_WRITER], 'csv'),
      'NAME,DISPLAY NAME,CODE,LEVEL\n1f2e3d4c-0000-4000-8000-000000000006,Project Writer,PROJECT_WRITER,project\n',
    );
  });

  it('a single role prints as the bare Role message', () => {
    assert.deepEqual(JSON.parse(formatRole(ORG_READER, 'json')), {
      name: ORG_READER.name,
      displayName: 'Organization Reader',
      code: 'ORGANIZATION_READER',
      level: 'organization',
    });
    assert.match(formatRole(ORG_READER, 'yaml'), /^display_name: Organization Reader$/m);
  });
});
