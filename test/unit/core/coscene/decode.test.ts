import * as assert from 'node:assert/strict';
import { decodeBasicCredential, decodeRolePage, decodeUser, decodeUserPage, ResponseShapeError } from '../../../../src/core/coscene/decode';

describe('protojson decoding', () => {
  it('decodes the contract ListUsers example, totalSize as a string', () => {
    const page = decodeUserPage({
      users: [
        {
          name: 'users/0b6f',
          nickname: 'Alice',
          email: 'alice@example.com',
          phoneNumber: '+8613800000000',
          role: { name: 'roles/5e1b', displayName: 'Project Writer', code: 'PROJECT_WRITER', level: 'project' },
          active: true,
          createTime: '2025-03-01T08:00:00Z',
          avatar: 'ignored',
        },
      ],
      nextPageToken: 'b2Zmc2V0PTEw',
      totalSize: '37',
    });
    assert.equal(page.totalSize, 37);
    assert.equal(page.nextPageToken, 'b2Zmc2V0PTEw');
    assert.deepEqual(page.items[0], {
      name: 'users/0b6f',
      nickname: 'Alice',
      email: 'alice@example.com',
      phoneNumber: '+8613800000000',
      role: { name: 'roles/5e1b', displayName: 'Project Writer', code: 'PROJECT_WRITER', level: 'project' },
      active: true,
      createTime: '2025-03-01T08:00:00Z',
    });
  });

  it('fills defaults for omitted fields and an empty answer', () => {
    assert.deepEqual(decodeUserPage({}), { items: [], nextPageToken: '' });
    assert.deepEqual(decodeUser({ name: 'users/x' }), { name: 'users/x', email: '', phoneNumber: '', active: false });
  });

  it('keeps an empty nickname distinct from a missing one', () => {
    assert.equal(decodeUser({ nickname: '' }).nickname, '');
    assert.ok(!('nickname' in decodeUser({})));
  });

  it('accepts totalSize as a number and snake_case names', () => {
    const page = decodeRolePage({
      roles: [{ name: 'roles/a', display_name: 'Admin', code: 'PROJECT_ADMIN', level: 'project' }],
      next_page_token: 't',
      total_size: 3,
    });
    assert.deepEqual(page, {
      items: [{ name: 'roles/a', displayName: 'Admin', code: 'PROJECT_ADMIN', level: 'project' }],
      nextPageToken: 't',
      totalSize: 3,
    });
    assert.equal(decodeUser({ phone_number: '1', create_time: '2025-01-01T00:00:00Z' }).phoneNumber, '1');
  });

  it('treats null as absent', () => {
    assert.deepEqual(decodeUser({ name: 'users/x', role: null, email: null }), {
      name: 'users/x',
      email: '',
      phoneNumber: '',
      active: false,
    });
  });

  it('rejects wrong types with the path of the bad field', () => {
    const cases: [() => unknown, string][] = [
      [() => decodeUserPage([]), 'response should be an object'],
      [() => decodeUserPage(null), 'response should be an object'],
      [() => decodeUserPage({ users: {} }), 'response.users should be a list'],
      [() => decodeUserPage({ users: [{ email: 5 }] }), 'response.users[0].email should be a string'],
      [() => decodeUserPage({ users: [{ active: 'yes' }] }), 'response.users[0].active should be true or false'],
      [() => decodeUserPage({ users: [{ role: 'admin' }] }), 'response.users[0].role should be an object'],
      [() => decodeUserPage({ totalSize: 'many' }), 'response.totalSize should be an integer'],
      [() => decodeUserPage({ totalSize: 1.5 }), 'response.totalSize should be an integer'],
    ];
    for (const [run, text] of cases) {
      assert.throws(run, (e: unknown) => e instanceof ResponseShapeError && e.message === text, text);
    }
  });

  it('requires a username and password in a credential', () => {
    assert.deepEqual(decodeBasicCredential({ username: 'u', password: 'p', expireTime: 'x' }), { username: 'u', password: 'p' });
    assert.throws(() => decodeBasicCredential({ username: 'u' }), /credential\.password should be a non-empty string/);
  });
});
