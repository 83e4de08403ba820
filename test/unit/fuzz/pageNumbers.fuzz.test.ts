/** Fuzzing the page_no guard (Huawei CodeArts lists) against servers that repeat pages, send empty pages or lie about totals. */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { AccessError } from '../../../src/core/errors';
import { NumberedList, NumberedItems, PagingLoopError } from '../../../src/core/paging';
import { fuzz } from './fuzz';

const PAGE_SIZE = 3;
/** A small id pool, so repeated pages and overlaps are common; the walk cannot list more than this. */
const ID_POOL = 8;

/** A server keyed by page number (a repeated number gets the same page) or a plain sequence that ignores it. */
const server = fc.record({
  keyed: fc.boolean(),
  pages: fc.array(fc.record({ ids: fc.array(fc.nat(ID_POOL - 1), { maxLength: PAGE_SIZE }), total: fc.nat(20) }), {
    minLength: 1,
    maxLength: 10,
  }),
  what: fc.constantFrom<NumberedItems>('repositories', 'users'),
});

/**
 * The tree's walk (permissions/views/permissionsTree.ts) over the real NumberedList: load the first page, then
 * "Load more…" while more are promised. Stops at the first error (a loop, an empty page, a cap reached).
 */
function walk(s: typeof server extends fc.Arbitrary<infer S> ? S : never, caps: { maxItems?: number } = {}) {
  const list = new NumberedList<number>(PAGE_SIZE, s.what, String, caps);
  const requests: number[] = [];
  let error: unknown;
  do {
    const pageNo = list.nextPageNo;
    requests.push(pageNo);
    const page = s.keyed ? (s.pages[pageNo - 1] ?? { ids: [], total: 0 }) : s.pages[Math.min(requests.length - 1, s.pages.length - 1)];
    try {
      error = list.accept(page.ids, page.total).capped;
    } catch (err) {
      error = err;
    }
  } while (!error && list.hasMore && requests.length <= 100);
  return { listed: list.items, requests, total: list.total, error, hasMore: list.hasMore };
}

describe('fuzz: page_no guard (paging.ts, Huawei lists)', () => {
  it('every walk ends by itself: at most one request per distinct item (+1), whatever the server sends', () => {
    fuzz(
      server,
      (s) => {
        const { requests, error, hasMore } = walk(s);
        assert.ok(requests.length <= ID_POOL + 1, `${requests.length} requests for at most ${ID_POOL} distinct items`);
        if (!error) assert.ok(!hasMore, '"Load more…" is never left offered once the walk stops without an error');
      },
      3000,
    );
  });

  it('a stop is a clear AccessError (Show Logs), only for a repeated page or an empty page that promises more', () => {
    fuzz(
      server,
      (s) => {
        const { listed, error } = walk(s);
        if (error === undefined) return;
        assert.ok(error instanceof AccessError, String(error));
        assert.deepEqual(error.actions, ['showLogs']);
        assert.ok(error.userMessage.args.includes(listed.length), 'the message says how many were listed');
      },
      3000,
    );
  });

  it('no item is listed twice; what was listed before an error is kept', () => {
    fuzz(
      server,
      (s) => {
        const { listed } = walk(s);
        assert.equal(new Set(listed).size, listed.length, JSON.stringify(listed));
      },
      2000,
    );
  });

  it('a cap keeps the items that fit and ends the walk with the cap message', () => {
    fuzz(
      fc.tuple(server, fc.integer({ min: 1, max: 5 })),
      ([s, maxItems]) => {
        const { listed, error } = walk(s, { maxItems });
        assert.ok(listed.length <= maxItems, `${listed.length} listed with a cap of ${maxItems}`);
        if (error instanceof PagingLoopError && /limit of/.test(error.message)) assert.equal(listed.length, maxItems);
      },
      2000,
    );
  });

  it('an honest server is listed completely, in order, without an error', () => {
    fuzz(
      fc.tuple(fc.nat(20), fc.constantFrom<NumberedItems>('repositories', 'users')),
      ([count, what]) => {
        const ids = Array.from({ length: count }, (_, i) => i);
        const pages = Array.from({ length: Math.ceil(count / PAGE_SIZE) + 1 }, (_, i) => ({
          ids: ids.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE),
          total: count,
        }));
        const list = new NumberedList<number>(PAGE_SIZE, what, String);
        let requests = 0;
        do {
          const page = pages[list.nextPageNo - 1];
          requests++;
          assert.equal(list.accept(page.ids, page.total).capped, undefined);
        } while (list.hasMore);
        const listed = list.items;
        assert.deepEqual(listed, ids);
        assert.ok(requests <= Math.floor(count / PAGE_SIZE) + 1);
      },
      500,
    );
  });
});
