/** Fuzzing the page-token walker against servers that repeat tokens, send empty pages, loop or fail. */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { Page } from '../../../src/core/coscene/model';
import { AccessError } from '../../../src/core/errors';
import { collectAll, PageCursor, PagingLoopError } from '../../../src/core/paging';
import { fuzzAsync, FUZZ_TIMEOUT_MS } from './fuzz';

interface ScriptedPage {
  items: number;
  next: string;
  total?: number;
}

/** A small token pool, so repeats, cycles and self-loops are common. */
const token = fc.constantFrom('', '', 'a', 'b', 'c', 'd', 'e', 'f', ' ', 'A', 'tok=1');
const scriptedPage: fc.Arbitrary<ScriptedPage> = fc.record(
  { items: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 })), next: token, total: fc.nat(50) },
  { requiredKeys: ['items', 'next'] },
);

/**
 * A server: either keyed by token (a graph that may loop) or a plain sequence that ignores the token (the n-th
 * call gets page n); `failAt` makes the n-th call reject.
 */
const server = fc.record({
  keyed: fc.boolean(),
  byToken: fc.dictionary(token, scriptedPage, { maxKeys: 8 }),
  sequence: fc.array(scriptedPage, { minLength: 1, maxLength: 12 }),
  failAt: fc.option(fc.nat(12), { nil: undefined }),
  failWith: fc.constantFrom('access', 'plain'),
});
type Server = typeof server extends fc.Arbitrary<infer S> ? S : never;

class Fault extends Error {}

function fakeServer(s: Server) {
  const calls: { token: string; page?: Page<number> }[] = [];
  let nextItem = 0;
  const fetchPage = async (pageToken: string): Promise<Page<number>> => {
    const n = calls.length;
    const call: { token: string; page?: Page<number> } = { token: pageToken };
    calls.push(call);
    await Promise.resolve();
    if (s.failAt === n) throw s.failWith === 'access' ? new AccessError({ template: 'fault', args: [] }) : new Fault('fault');
    const scripted = s.keyed ? (s.byToken[pageToken] ?? { items: 1, next: '' }) : s.sequence[Math.min(n, s.sequence.length - 1)];
    const page: Page<number> = {
      items: Array.from({ length: scripted.items }, () => nextItem++),
      nextPageToken: scripted.next,
      ...(scripted.total !== undefined ? { totalSize: scripted.total } : {}),
    };
    call.page = page;
    return page;
  };
  return { calls, fetchPage };
}

describe('fuzz: page-token walker (paging.ts)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);

  it('collectAll terminates within maxPages (+1 followed empty page), never fetches a token twice, keeps every item', async () => {
    await fuzzAsync(
      fc.tuple(server, fc.integer({ min: 1, max: 20 })),
      async ([s, maxPages]) => {
        const { calls, fetchPage } = fakeServer(s);
        let progress = 0;
        let outcome: { items: number[] } | { error: unknown };
        try {
          outcome = await collectAll(fetchPage, { maxPages, onProgress: () => void progress++ });
        } catch (error) {
          outcome = { error };
        }
        // maxPages is checked between loadNext() calls; one loadNext follows at most one empty page itself.
        assert.ok(calls.length <= maxPages + 1, `${calls.length} fetches with maxPages ${maxPages}`);
        const tokens = calls.map((c) => c.token);
        assert.equal(tokens[0], '', 'the walk starts at the first page');
        assert.equal(new Set(tokens).size, tokens.length, `a token was fetched twice: ${JSON.stringify(tokens)}`);
        const fetched = calls.flatMap((c) => c.page?.items ?? []);
        if ('items' in outcome) {
          assert.deepEqual(outcome.items, fetched, 'every fetched item, in order, once');
          assert.equal(calls[calls.length - 1].page?.nextPageToken, '', 'done only when the server says so');
          assert.ok(progress >= 1);
        } else if (outcome.error instanceof PagingLoopError) {
          const last = calls[calls.length - 1].page!;
          const repeated = tokens.includes(last.nextPageToken);
          const emptyTwice = calls.length >= 2 && calls.slice(-2).every((c) => c.page?.items.length === 0);
          assert.ok(
            repeated || emptyTwice || calls.length >= maxPages,
            'PagingLoopError only for a repeat, two empty pages, or the page cap',
          );
        } else {
          assert.ok(s.failAt !== undefined && calls.length === s.failAt + 1, 'only the injected fault escapes');
          assert.ok(outcome.error instanceof (s.failWith === 'access' ? AccessError : Fault));
        }
      },
      1500,
    );
  });

  it('PageCursor with retries and concurrent loadNext: a failed token is retried, a fetched one never again', async () => {
    await fuzzAsync(
      fc.tuple(server, fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 15 })),
      async ([s, rounds]) => {
        const { calls, fetchPage } = fakeServer(s);
        const cursor = new PageCursor(fetchPage);
        for (const concurrent of rounds) {
          if (!cursor.hasMore) break;
          const before = calls.length;
          const results = await Promise.allSettled(Array.from({ length: concurrent }, () => cursor.loadNext()));
          assert.ok(calls.length - before <= 2, 'concurrent loadNext calls share one walk step (≤ 1 followed empty page)');
          assert.ok(new Set(results.map((r) => r.status)).size === 1, 'all callers see the same outcome');
          assert.ok(['more', 'done', 'failed'].includes(cursor.state));
          if (cursor.state === 'failed') assert.equal(cursor.canRetry, !(cursor.error instanceof PagingLoopError));
        }
        const succeeded = calls.filter((c) => c.page).map((c) => c.token);
        assert.equal(new Set(succeeded).size, succeeded.length, `a fetched page was fetched again: ${JSON.stringify(succeeded)}`);
        calls.forEach((c, i) => {
          if (i > 0 && calls[i - 1].token === c.token)
            assert.equal(calls[i - 1].page, undefined, 'a token repeats only right after its fetch failed');
        });
        assert.deepEqual(
          [...cursor.items],
          calls.flatMap((c) => c.page?.items ?? []),
        );
      },
      1000,
    );
  });
});
