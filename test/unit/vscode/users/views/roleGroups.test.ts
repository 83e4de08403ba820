/**
 * The users trees' rows in plain Node (the vscode stand-in, test/support/vscodeStub.cjs): how a paged list ends
 * (shared/pagedListEnd.ts), and a user the server sends twice in one list. Every row has an id, unique in the tree.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page, User } from '../../../../../src/core/coscene/model';
import { REPO_ROOT as root } from '../../../../support/repoRoot';

type Paging = typeof import('../../../../../src/core/paging/pageCursor');
type PagedListEnd = typeof import('../../../../../src/vscode/shared/pagedListEnd');
type RoleGroupsModule = typeof import('../../../../../src/vscode/users/views/roleGroups');
type UsersState = typeof import('../../../../../src/vscode/users/views/usersState');
type TreeItem = import('vscode').TreeItem;

const load = <T>(path: string): T => require(join(root, 'out/src', path)) as T;
const user = (n: number): User => ({ name: `users/u${n}`, nickname: `User ${n}`, email: '', phoneNumber: '', active: true }) as User;
const page = <T>(items: T[], nextPageToken = '', totalSize?: number): Page<T> => ({ items, nextPageToken, totalSize });

describe('users trees: list endings and row ids', () => {
  let paging: Paging;
  let end: PagedListEnd;

  before(() => {
    try {
      require('vscode');
    } catch {
      (require(join(root, 'test/support/vscodeStub.cjs')) as { installVscode(o: object): void }).installVscode({ settings: {} });
    }
    paging = load<Paging>('core/paging/pageCursor.js');
    end = load<PagedListEnd>('vscode/shared/pagedListEnd.js');
  });

  const ending = (cursor: InstanceType<Paging['PageCursor']>) =>
    end.pagedListEnd(cursor, {
      id: 'view/list',
      empty: 'No users',
      loadMore: (title) => ({ command: 'load', title, arguments: [cursor] }),
    });

  it('a list with more pages ends in "Load more…" with the count, which loads the next page', async () => {
    const cursor = new paging.PageCursor<User>(async (token) => (token ? page([user(3)]) : page([user(1), user(2)], 'next', 3)));
    await cursor.loadNext();
    const [more] = ending(cursor);
    assert.equal(more.label, 'Load more…');
    assert.equal(more.description, '2 of 3');
    assert.equal(more.id, 'view/list/end');
    assert.deepEqual(more.command?.arguments, [cursor]);
    await cursor.loadNext();
    assert.deepEqual(ending(cursor), [], 'everything loaded: nothing follows');
  });

  it('a page-numbered list (Huawei) ends the same way; its Retry can differ from Load more (a failed first page reloads)', () => {
    const options = {
      loadMore: (title: string) => ({ command: 'more', title }),
      retry: (title: string) => ({ command: 'reload', title }),
      empty: 'No users.',
    };
    const [more] = end.listEnd({ hasMore: true, loaded: 20, total: 45 }, options);
    assert.deepEqual([more.label, more.description, more.command?.command, more.id], ['Load more…', '20 of 45', 'more', undefined]);
    const [error] = end.listEnd({ error: new Error('503'), hasMore: true, loaded: 0, total: 45 }, options) as (TreeItem & {
      children: TreeItem[];
    })[];
    assert.equal(error.contextValue, 'coscene.error');
    assert.equal(error.children[0].command?.command, 'reload');
    const [empty] = end.listEnd({ hasMore: false, loaded: 0 }, options);
    assert.equal(empty.label, 'No users.');
    assert.deepEqual(end.listEnd({ hasMore: false, loaded: 3 }, options), []);
  });

  it('a failed page ends in an error row with Retry (ids on its actions too); a paging loop in a warning; cancelling in nothing', async () => {
    const failing = new paging.PageCursor<User>(async () => {
      throw new Error('boom');
    });
    await failing.loadNext().catch(() => undefined);
    const [error] = ending(failing) as (TreeItem & { children: TreeItem[] })[];
    assert.equal(error.contextValue, 'coscene.error');
    assert.equal(error.id, 'view/list/end');
    assert.deepEqual(
      error.children.map((c) => [c.label, c.id]),
      [
        ['Retry', 'view/list/end/action/0'],
        ['Show Logs', 'view/list/end/action/1'],
      ],
    );
    assert.equal(error.children[0].command?.command, 'load');

    const looping = new paging.PageCursor<User>(async () => page([user(1)], 'same'));
    await looping.loadNext();
    await looping.loadNext().catch(() => undefined);
    const [warning] = ending(looping);
    assert.equal(warning.contextValue, 'coscene.message');
    assert.match(String(warning.label), /page token it had already sent/);
    assert.equal(warning.command, undefined, 'no Retry: the server would send the same page again');

    const cancelled = new paging.PageCursor<User>(async () => {
      throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    });
    await cancelled.loadNext().catch(() => undefined);
    assert.deepEqual(ending(cancelled), []);
  });

  it('an empty list says so', async () => {
    const cursor = new paging.PageCursor<User>(async () => page([]));
    await cursor.loadNext();
    assert.deepEqual(
      ending(cursor).map((n) => [n.label, n.id]),
      [['No users', 'view/list/end']],
    );
  });

  it('a user the server sends twice in a list gets one row; every row has an id unique in the list', async () => {
    const { RoleGroups } = load<RoleGroupsModule>('vscode/users/views/roleGroups.js');
    const { UsersViewState } = load<UsersState>('vscode/users/views/usersState.js');
    const pages = [page([user(1), user(2), user(2)], 'p2', 5), page([user(1), user(3)])];
    const api = { listUsers: async ({ pageToken }: { pageToken?: string }) => pages[pageToken ? 1 : 0] };
    const deps = {
      log: { error() {}, warn() {}, info() {}, debug() {} },
      profiles: { api: async () => api, current: () => ({ name: 'p' }), configError: () => undefined },
    } as never;
    const state = new UsersViewState({ flat: 'test.flat', filtered: 'test.filtered' });
    state.setFlat(true);
    const groups = new RoleGroups(deps, state, { viewId: 'view', level: 'organization' }, () => undefined);
    const model = await groups.load('', 'view');
    assert.ok(model.list && groups.owns(model.list), 'the flat list is one of the tree’s (Load more accepts it)');
    let rows = groups.nodes(model, undefined);
    assert.deepEqual(
      rows.map((r) => [r.label, r.id]),
      [
        ['User 1', 'view/list/users/u1'],
        ['User 2', 'view/list/users/u2'],
        ['Load more…', 'view/list/end'],
      ],
    );
    await groups.loadMore(model.list);
    rows = groups.nodes(model, undefined);
    assert.deepEqual(
      rows.map((r) => r.label),
      ['User 1', 'User 2', 'User 3'],
      'the second page repeats user 1: shown once',
    );
    assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
    assert.equal(groups.owns({ ...model.list }), false, 'a look-alike list is not accepted');
    state.dispose();
  });

  it('groups: with the roles known from the last session, every first page goes out with ListRoles (one round trip); the fresh roles win', async () => {
    const { RoleGroups } = load<RoleGroupsModule>('vscode/users/views/roleGroups.js');
    const { UsersViewState } = load<UsersState>('vscode/users/views/usersState.js');
    const role = (code: string, displayName = code) => ({ name: `roles/${code}`, displayName, code, level: 'organization' });
    let roles = [role('ADMIN'), role('READER')];
    const log: string[] = [];
    let releaseRoles = (): void => undefined;
    const api = {
      listRoles: async () => {
        log.push('ListRoles');
        await new Promise<void>((r) => (releaseRoles = r)); // answered last: the pages must not wait for it
        return page(roles);
      },
      listUsers: async ({ filter, pageSize }: { filter?: string; pageSize?: number }) => {
        log.push(pageSize === 10 ? 'total' : `ListUsers ${filter}`);
        const code = /"([^"]+)"/.exec(filter ?? '')?.[1];
        return code ? page([user(code === 'ADMIN' ? 1 : 2)], '', 1) : page([], '', 2);
      },
      getUser: async () => user(0),
    };
    const kept = new Map<string, unknown>();
    let profileName = 'p';
    const keptRoles = {
      get: (scope: string) => kept.get(scope),
      keep: async (scope: string, r: unknown) => void kept.set(scope, r),
    };
    const deps = {
      log: { error() {}, warn() {}, info() {}, debug() {} },
      profiles: {
        api: async () => api,
        current: () => ({ name: profileName, source: 'cocli', endpoint: 'https://e' }),
        configError: () => undefined,
      },
      keptRoles,
    } as never;
    const state = new UsersViewState({ flat: 'test.flat2', filtered: 'test.filtered2' });
    const labels = async (groups: InstanceType<RoleGroupsModule['RoleGroups']>) => {
      const loading = groups.load('', 'view');
      for (let i = 0; i < 20 && log.length < 2; i++) await new Promise((r) => setImmediate(r));
      const sentBeforeRoles = [...log];
      releaseRoles();
      const model = await loading;
      return { sentBeforeRoles, rows: model.top.map((n) => `${String(n.label)} ${String(n.description ?? '')}`) };
    };

    // First session: nothing kept, the pages wait for the role list (two round trips).
    const first = await labels(new RoleGroups(deps, state, { viewId: 'view', level: 'organization' }, () => undefined));
    assert.deepEqual(first.sentBeforeRoles, ['ListRoles', 'total']);
    assert.deepEqual(first.rows, ['ADMIN 1', 'READER 1']);
    assert.equal(kept.size, 1, 'the role list is kept for the next session');

    // Next session: the kept roles send every group's first page at once; a renamed role shows its fresh name.
    log.length = 0;
    roles = [role('ADMIN', 'Administrators'), role('READER')];
    const groups = new RoleGroups(deps, state, { viewId: 'view', level: 'organization' }, () => undefined);
    const next = await labels(groups);
    assert.deepEqual(
      next.sentBeforeRoles.sort(),
      ['ListRoles', 'ListUsers role.code="ADMIN"', 'ListUsers role.code="READER"', 'total'].sort(),
    );
    assert.deepEqual(next.rows, ['Administrators 1', 'READER 1']);
    assert.equal(log.length, 4, 'no page asked twice');

    // Another profile (another organization, maybe): neither this tree's roles nor the kept ones are its guess.
    log.length = 0;
    profileName = 'other';
    groups.reset();
    const other = await labels(groups);
    assert.deepEqual(other.sentBeforeRoles, ['ListRoles', 'total']);
    state.dispose();
  });
});
