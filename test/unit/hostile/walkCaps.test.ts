import * as assert from 'node:assert/strict';
import { collectAll, PageCursor, PAGING_BOUNDS, PagingLoopError, WalkBudget } from '../../../src/core/paging';
import type { Page } from '../../../src/core/coscene/model';
import { buildPermissionMatrix } from '../../../src/core/huawei/matrix';
import type { RepositoryPrivileges } from '../../../src/core/huawei/model';
import { FAKE_COSCENE, startFakeServer } from '../../fake/server';
import { createCosceneApi } from '../../../src/core/coscene/api';
import { createHttpClient } from '../../../src/core/http/undiciHttpClient';

/** A server that never ends: every page full, every token new. */
function endless(pageSize: number, itemOf: (i: number) => string = (i) => `users/${i}`) {
  let served = 0;
  let requests = 0;
  const fetch = async (): Promise<Page<string>> => {
    requests++;
    const items = Array.from({ length: pageSize }, () => itemOf(served++));
    return { items, nextPageToken: `token-${requests}` };
  };
  return { fetch, requests: () => requests };
}

const capError = (pattern: RegExp) => (err: unknown) => err instanceof PagingLoopError && pattern.test(err.message);

describe('hostile server: every walk is bounded', () => {
  it('states its caps once', () => {
    assert.equal(PAGING_BOUNDS.maxItems, 100_000);
    assert.equal(PAGING_BOUNDS.maxBytes, 64 * 1024 * 1024);
  });

  it('unique tokens forever with huge pages: the walk stops at the item cap, names it, keeps what it has', async () => {
    const server = endless(50_000);
    const cursor = new PageCursor(server.fetch);
    while (cursor.hasMore) await cursor.loadNext().catch(() => undefined);
    assert.equal(cursor.items.length, PAGING_BOUNDS.maxItems);
    assert.ok(server.requests() <= 3, `${server.requests()} requests`);
    assert.ok(cursor.error instanceof PagingLoopError);
    assert.match((cursor.error as Error).message, /100000 items/);
    assert.equal(cursor.canRetry, false);
  });

  it('collectAll reports the item cap with the count it reached', async () => {
    await assert.rejects(collectAll(endless(20_000).fetch), capError(/limit of 100000 items/));
  });

  it('a few huge items stop the walk at the byte cap (decoded size), long before the item cap', async () => {
    const big = 'x'.repeat(4 * 1024 * 1024); // 8 MB as a JS string
    const server = endless(1, () => big);
    const cursor = new PageCursor(server.fetch);
    while (cursor.hasMore) await cursor.loadNext().catch(() => undefined);
    assert.ok(cursor.items.length <= 8, `${cursor.items.length} items kept`);
    assert.match((cursor.error as Error).message, /64 MB/);
  });

  it('a page_no walk (Huawei repositories/users) keeps pages until the budget stops it, with the message', () => {
    const budget = new WalkBudget({ maxItems: 120 });
    const kept: number[] = [];
    let pages = 0;
    while (!budget.stop() && pages < 1000) {
      kept.push(...budget.admit(Array.from({ length: 50 }, (_, i) => pages * 50 + i)));
      pages++;
    }
    assert.deepEqual([kept.length, pages], [120, 3]);
    assert.match(budget.stop()!.message, /limit of 120 items/);
  });

  it('the skip-paged project walk obeys the same caps', async () => {
    const { projectPages } = await import('../../../src/core/coscene/projects');
    let skipCalls = 0;
    const listProjects = async (req: { skip?: number }) => {
      skipCalls++;
      const base = req.skip ?? 0;
      return {
        items: Array.from({ length: 30_000 }, (_, i) => ({
          name: `projects/${base + i}`,
          slug: `p${base + i}`,
          displayName: '',
          description: '',
          archived: false,
        })),
      };
    };
    await assert.rejects(collectAll(projectPages({ listProjects })), capError(/100000 items/));
    assert.ok(skipCalls <= 5);
  });

  it('the matrix folds operations past its column cap into one "other" column', function () {
    this.timeout(20_000); // a loaded machine; the bound is on columns, not time
    const operations = Array.from({ length: 2000 }, (_, i) => `op${i}`).join(',');
    const privs: RepositoryPrivileges = {
      traceId: 't',
      roles: Array.from({ length: 10 }, (_, r) => ({
        key: `r${r}`,
        roleName: `Role ${r}`,
        roleChineseName: `角色 ${r}`,
        privileges: [
          {
            role_id: 'r',
            project_id: 'p',
            area_service_id: 'a',
            granted_object_path: `/codeartsartifact/artifact/repo/${r}`,
            granted_object_type_id: 't',
            operations,
            operations_index: null,
          },
        ],
      })),
    };
    const matrix = buildPermissionMatrix(privs);
    assert.ok(matrix.columns.length <= 64, `${matrix.columns.length} columns`);
    const other = matrix.columns.findIndex((c) => c.group === 'other' && !c.known && c.keyword === '');
    assert.ok(other >= 0, 'one folded column');
    assert.equal(matrix.columns.at(-1), matrix.columns[other]);
    for (const row of matrix.rows) assert.equal(row.cells[other], true);
    assert.equal(matrix.rows[0].granted.size, 2000, 'the role still knows every operation it has');
  });

  it('fake: endless-pages serves unique tokens forever; the extension client stops at the cap with the message', async function () {
    this.timeout(60_000);
    const server = await startFakeServer({ maxLifetimeMs: 60_000 });
    try {
      server.faults.add({ kind: 'endless-pages', times: Infinity, match: { procedure: 'ListRoles' } });
      const api = createCosceneApi({
        endpoint: server.url,
        token: FAKE_COSCENE.adminToken,
        profileName: 'hostile',
        http: createHttpClient({ env: {}, userAgent: 'test' }),
      });
      const tokens = new Set<string>();
      await assert.rejects(
        collectAll(
          async (token, s) => {
            const page = await api.listRoles({ pageSize: 100, pageToken: token || undefined }, s);
            tokens.add(page.nextPageToken);
            return page;
          },
          { maxItems: 500 },
        ),
        capError(/limit of 500 items/),
      );
      assert.equal(tokens.size, 5, 'five full pages of 100, each with a new token');
      assert.ok(!tokens.has(''), 'the fake never ended the list');
    } finally {
      await server.close();
    }
  });
});
