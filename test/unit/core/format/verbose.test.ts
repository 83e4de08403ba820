import * as assert from 'node:assert/strict';
import { formatRoles } from '../../../../src/core/format/roles';
import { fixedZoneOffset } from '../../../../src/core/format/time';
import { formatUsers } from '../../../../src/core/format/users';
import { ALICE, BOB, ORG_ADMIN, PROJECT_WRITER } from './fixtures';

const CST = fixedZoneOffset(8 * 60);

describe("cocli's -v (verbose) for table and wide exports", () => {
  it('users: RESOURCE NAME (users/<id>) instead of ID, every cell "value " without padding or cutting', () => {
    const long = { ...BOB, nickname: '一个非常非常非常非常非常非常长的昵称' };
    assert.equal(
      formatUsers([ALICE, long], 'table', { zone: CST, verbose: true }),
      'RESOURCE NAME NICKNAME ROLE ACTIVE \n' +
        'users/0b6f4c1e-2d7a-4c39-9f3e-5a1d2b3c4d5e Alice ORGANIZATION_ADMIN true \n' +
        'users/7c9e2f10-8b3d-4e6a-a1b2-c3d4e5f60718 一个非常非常非常非常非常非常长的昵称 ORGANIZATION_READER false \n',
    );
  });

  it('users wide -v: all seven columns, RESOURCE NAME first', () => {
    const [header, row] = formatUsers([ALICE], 'wide', { zone: CST, verbose: true }).split('\n');
    assert.equal(header, 'RESOURCE NAME NICKNAME EMAIL ROLE ACTIVE PHONE CREATE TIME ');
    assert.equal(
      row,
      'users/0b6f4c1e-2d7a-4c39-9f3e-5a1d2b3c4d5e Alice alice@example.com ORGANIZATION_ADMIN true +8613800000000 2025-03-01T16:00:00+08:00 ',
    );
  });

  it('verbose leaves csv, json and yaml as they are', () => {
    for (const format of ['csv', 'json', 'yaml'] as const) {
      assert.equal(formatUsers([ALICE], format, { zone: CST, verbose: true }), formatUsers([ALICE], format, { zone: CST }));
      assert.equal(formatRoles([ORG_ADMIN], format, '', true), formatRoles([ORG_ADMIN], format));
    }
  });

  it('roles -v: RESOURCE NAME (roles/<id>) shows even in the default table, whose omit list only hides NAME', () => {
    assert.equal(
      formatRoles([PROJECT_WRITER, ORG_ADMIN], 'table', '', true),
      'RESOURCE NAME DISPLAY NAME CODE LEVEL \n' +
        'roles/1f2e3d4c-0000-4000-8000-000000000001 Organization Admin ORGANIZATION_ADMIN organization \n' +
        'roles/1f2e3d4c-0000-4000-8000-000000000006 Project Writer PROJECT_WRITER project \n',
    );
    assert.equal(formatRoles([ORG_ADMIN], 'wide', '', true).split('\n')[0], 'RESOURCE NAME DISPLAY NAME CODE LEVEL ');
  });
});
