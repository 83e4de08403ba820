import * as assert from 'node:assert/strict';
import { groupUsersByRole, pagesOfOtherRoles, usersWithOtherRoles } from '../../../../src/core/format/grouping';
import { collectAll, PageCursor } from '../../../../src/core/paging';
import type { User } from '../../../../src/core/coscene/model';
import { ALICE, BOB, ORG_ADMIN, ORG_READER } from './fixtures';

const carol: User = {
  ...BOB,
  name: 'users/carol',
  nickname: 'Carol',
  role: { name: 'roles/x', displayName: 'Custom', code: 'CUSTOM', level: 'organization' },
};
const dave: User = { ...BOB, name: 'users/dave', nickname: 'Dave', role: undefined };
const erin: User = { ...ALICE, name: 'users/erin', nickname: 'Erin' };

describe('groupUsersByRole', () => {
  it('makes one group per role in cocli order, keeping server order inside a group', () => {
    const groups = groupUsersByRole([ORG_READER, ORG_ADMIN], [BOB, ALICE, erin]);
    assert.deepEqual(
      groups.map((g) => g.role?.code),
      ['ORGANIZATION_ADMIN', 'ORGANIZATION_READER'],
    );
    assert.deepEqual(
      groups[0].users.map((u) => u.nickname),
      ['Alice', 'Erin'],
    );
    assert.deepEqual(
      groups[1].users.map((u) => u.nickname),
      ['Bob'],
    );
  });

  it('keeps empty role groups and adds "Other roles" for unknown or missing roles', () => {
    const groups = groupUsersByRole([ORG_ADMIN, ORG_READER], [carol, dave, ALICE]);
    assert.deepEqual(
      groups.map((g) => [g.role?.code ?? 'OTHER', g.users.length]),
      [
        ['ORGANIZATION_ADMIN', 1],
        ['ORGANIZATION_READER', 0],
        ['OTHER', 2],
      ],
    );
    assert.deepEqual(
      groups[2].users.map((u) => u.nickname),
      ['Carol', 'Dave'],
    );
  });

  it('has no "Other roles" group when every role is known', () => {
    assert.equal(groupUsersByRole([ORG_ADMIN, ORG_READER], [ALICE, BOB]).length, 2);
    assert.deepEqual(
      usersWithOtherRoles([ORG_ADMIN, ORG_READER], [ALICE, carol, dave]).map((u) => u.nickname),
      ['Carol', 'Dave'],
    );
  });
});

describe('pagesOfOtherRoles', () => {
  const page = (users: User[], nextPageToken: string) => ({ items: users, nextPageToken });
  const script: Record<string, { items: User[]; nextPageToken: string }> = {
    '': page([ALICE, BOB], 'a'),
    a: page([carol, ALICE], 'b'),
    b: page([BOB], 'c'),
    c: page([erin], 'd'),
    d: page([dave], ''),
  };
  const fetchAll = async (token: string) => script[token];

  it('skips pages without a match and walks the unfiltered listing to the end', async () => {
    const { items } = await collectAll(pagesOfOtherRoles(fetchAll, [ORG_ADMIN, ORG_READER]));
    assert.deepEqual(
      items.map((u) => u.nickname),
      ['Carol', 'Dave'],
    );
  });

  it('fills its first page like any other group: as many users as a page of the listing holds', async () => {
    const asked: string[] = [];
    const cursor = new PageCursor(pagesOfOtherRoles(async (t) => (asked.push(t), script[t]), [ORG_ADMIN, ORG_READER]));
    await cursor.loadNext();
    assert.deepEqual([cursor.items.map((u) => u.nickname), cursor.hasMore], [['Carol', 'Dave'], false]);
    assert.deepEqual(asked, ['', 'a', 'b', 'c', 'd']);
  });

  it('pages by the given size: 4 users spread over the listing show 2, then the other 2 after one Load more', async () => {
    const cursor = new PageCursor(pagesOfOtherRoles(fetchAll, [ORG_ADMIN], { pageSize: 2 }));
    await cursor.loadNext();
    assert.deepEqual([cursor.items.map((u) => u.nickname), cursor.hasMore], [['Bob', 'Carol'], true]);
    await cursor.loadNext();
    assert.deepEqual([cursor.items.map((u) => u.nickname), cursor.state], [['Bob', 'Carol', 'Bob', 'Dave'], 'done']);
  });

  it('stops reading once all expected users are in, and reports them as the total', async () => {
    const asked: string[] = [];
    const cursor = new PageCursor(pagesOfOtherRoles(async (t) => (asked.push(t), script[t]), [ORG_ADMIN, ORG_READER], { expected: 1 }));
    await cursor.loadNext();
    assert.deepEqual([cursor.items.map((u) => u.nickname), cursor.state, cursor.totalSize], [['Carol'], 'done', 1]);
    assert.deepEqual(asked, ['', 'a']);
  });

  it('stops after maxPages requests', async () => {
    let calls = 0;
    const endless = async (token: string) => ({ items: [ALICE], nextPageToken: `${token}x${++calls}` });
    const { items } = await collectAll(pagesOfOtherRoles(endless, [ORG_ADMIN], { maxPages: 7 }));
    assert.deepEqual([items.length, calls], [0, 7]);
  });
});
