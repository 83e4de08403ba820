import * as assert from 'node:assert/strict';
import { collectAll, PageCursor, PagingLoopError } from '../../../src/core/paging';
import { createCosceneApi } from '../../../src/core/coscene/api';
import type { Page, User } from '../../../src/core/coscene/model';
import { createHttpClient } from '../../../src/core/http/undiciHttpClient';
import { lastSeq, pageTokensSent, repeated, selectRequests } from '../../fake/requestLog';
import { FAKE_COSCENE, FakeServer, startFakeServer } from '../../fake/server';

type Script = Record<string, Page<number> | Error>;

/** A fetchPage that answers from a token → page table and records the tokens asked for. */
function scripted(script: Script) {
  const asked: string[] = [];
  const fetch = async (token: string): Promise<Page<number>> => {
    asked.push(token);
    const answer = script[token];
    if (answer === undefined) throw new Error(`unexpected token ${token}`);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch, asked };
}

const page = (items: number[], nextPageToken = '', totalSize?: number): Page<number> => ({ items, nextPageToken, totalSize });

describe('PageCursor', () => {
  it('loads the first page, then more, then is done', async () => {
    const { fetch, asked } = scripted({ '': page([1, 2], 't1', 5), t1: page([3, 4], 't2', 5), t2: page([5], '', 5) });
    const cursor = new PageCursor(fetch);
    assert.equal(cursor.state, 'initial');
    await cursor.loadNext();
    assert.deepEqual([cursor.items, cursor.state, cursor.hasMore, cursor.totalSize], [[1, 2], 'more', true, 5]);
    await cursor.loadNext();
    await cursor.loadNext();
    assert.deepEqual([cursor.items, cursor.state, cursor.hasMore], [[1, 2, 3, 4, 5], 'done', false]);
    await cursor.loadNext(); // no-op when done
    assert.deepEqual(asked, ['', 't1', 't2']);
  });

  it('shares one request between concurrent calls', async () => {
    const { fetch, asked } = scripted({ '': page([1], 't1'), t1: page([2]) });
    const cursor = new PageCursor(fetch);
    await Promise.all([cursor.loadNext(), cursor.loadNext()]);
    assert.deepEqual(asked, ['']);
  });

  it('keeps loaded items on an error and retries the same token', async () => {
    const script: Script = { '': page([1, 2], 't1'), t1: new Error('boom') };
    const { fetch, asked } = scripted(script);
    const cursor = new PageCursor(fetch);
    await cursor.loadNext();
    await assert.rejects(cursor.loadNext(), /boom/);
    assert.deepEqual([cursor.items, cursor.state, cursor.canRetry, cursor.hasMore], [[1, 2], 'failed', true, true]);
    script.t1 = page([3]);
    await cursor.loadNext();
    assert.deepEqual([cursor.items, cursor.state], [[1, 2, 3], 'done']);
    assert.deepEqual(asked, ['', 't1', 't1']);
  });

  it('stops with a PagingLoopError when a token comes back again, keeping the items', async () => {
    const { fetch } = scripted({ '': page([1], 't1'), t1: page([2], 't1') });
    const cursor = new PageCursor(fetch);
    await cursor.loadNext();
    await assert.rejects(cursor.loadNext(), PagingLoopError);
    assert.deepEqual([cursor.items, cursor.state, cursor.hasMore, cursor.canRetry], [[1, 2], 'failed', false, false]);
    assert.match((cursor.error as Error).message, /already sent; stopped after 2 items/);
  });

  it('a next token equal to the first request (empty) token is not a loop, but a token pointing back is', async () => {
    const { fetch } = scripted({ '': page([1], 'a'), a: page([2], 'b'), b: page([3], 'a') });
    await assert.rejects(collectAll(fetch), PagingLoopError);
  });

  it('follows one empty page that has a token without stopping', async () => {
    const { fetch, asked } = scripted({ '': page([1], 't1'), t1: page([], 't2'), t2: page([2], '') });
    const cursor = new PageCursor(fetch);
    await cursor.loadNext();
    await cursor.loadNext();
    assert.deepEqual([cursor.items, cursor.state], [[1, 2], 'done']);
    assert.deepEqual(asked, ['', 't1', 't2']);
  });

  it('stops on a second consecutive empty page with a token', async () => {
    const { fetch } = scripted({ '': page([], 't1'), t1: page([], 't2'), t2: page([9]) });
    const cursor = new PageCursor(fetch);
    await assert.rejects(cursor.loadNext(), PagingLoopError);
    assert.deepEqual([cursor.items, cursor.hasMore], [[], false]);
  });

  it('an empty page then a non-empty one resets the empty streak', async () => {
    const { fetch } = scripted({ '': page([], 'a'), a: page([1], 'b'), b: page([], 'c'), c: page([2]) });
    assert.deepEqual((await collectAll(fetch)).items, [1, 2]);
  });
});

describe('collectAll', () => {
  it('walks every page and reports progress', async () => {
    const { fetch } = scripted({ '': page([1, 2], 't1', 3), t1: page([3], '', 3) });
    const progress: [number, number | undefined][] = [];
    const result = await collectAll(fetch, { onProgress: (n, total) => progress.push([n, total]) });
    assert.deepEqual(result, { items: [1, 2, 3], totalSize: 3 });
    assert.deepEqual(progress, [
      [2, 3],
      [3, 3],
    ]);
  });

  it('is bounded by maxPages', async () => {
    let n = 0;
    const endless = async (): Promise<Page<number>> => ({ items: [n], nextPageToken: `t${++n}` });
    await assert.rejects(collectAll(endless, { maxPages: 5 }), (err: unknown) => err instanceof PagingLoopError && n === 5);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    const fetch = async (token: string): Promise<Page<number>> => {
      if (token === 't1') controller.abort();
      return { items: [1], nextPageToken: token === '' ? 't1' : `${token}x` };
    };
    await assert.rejects(collectAll(fetch, { signal: controller.signal }), (err: Error) => err.name === 'AbortError');
  });
});

describe('token walks on the wire (against the fake)', () => {
  let fake: FakeServer;
  const http = createHttpClient({ env: {} });
  const READERS = 'role.code="ORGANIZATION_READER"';
  before(async () => {
    fake = await startFakeServer({ seedUsers: 120 });
  });
  after(async () => {
    await http.close();
    await fake.close();
  });
  afterEach(() => fake.faults.clear());

  const readerPages = () => {
    const api = createCosceneApi({ endpoint: fake.url, token: FAKE_COSCENE.adminToken, profileName: 'fake', http });
    return (pageToken: string): Promise<Page<User>> => api.listUsers({ pageSize: 10, pageToken: pageToken || undefined, filter: READERS });
  };
  const listUsersSince = (mark: number) => selectRequests(fake.stats.requests, { procedure: 'ListUsers', after: mark });

  it('collectAll asks for each page once, with the same filter and page size on every page', async () => {
    const mark = lastSeq(fake.stats.requests);
    const { items } = await collectAll(readerPages());
    const readers = fake.coscene.users.filter((u) => u.orgRoleCode === 'ORGANIZATION_READER').length;
    assert.equal(items.length, readers);
    const requests = listUsersSince(mark);
    assert.equal(requests.length, Math.ceil(readers / 10));
    assert.ok(requests.every((r) => r.body?.filter === READERS && r.body.pageSize === 10));
    const tokens = pageTokensSent(requests);
    assert.equal(tokens[0], '', 'the walk starts without a token');
    assert.deepEqual(repeated(tokens), [], 'no page fetched twice');
  });

  it('a server that sends a token again gets no second request for it', async () => {
    fake.faults.add({ kind: 'repeat-page-token', match: { procedure: 'ListUsers' }, times: Infinity });
    const mark = lastSeq(fake.stats.requests);
    await assert.rejects(collectAll(readerPages()), PagingLoopError);
    const tokens = pageTokensSent(listUsersSince(mark));
    assert.equal(tokens.length, 2, 'the first page, then the token once');
    assert.deepEqual(repeated(tokens), []);
  });
});
