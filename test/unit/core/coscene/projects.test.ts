import * as assert from 'node:assert/strict';
import { createCosceneApi } from '../../../../src/core/coscene/api';
import { decodeProjectPage } from '../../../../src/core/coscene/decode';
import type { ListProjectsRequest, Project, SkipPage } from '../../../../src/core/coscene/model';
import { defaultProjectFirst, projectPages } from '../../../../src/core/coscene/projects';
import { collectAll, PageCursor, PagingLoopError } from '../../../../src/core/paging';
import { createHttpClient } from '../../../../src/core/http/undiciHttpClient';
import { lastSeq, selectRequests } from '../../../fake/requestLog';
import { FAKE_COSCENE, startFakeServer } from '../../../fake/server';
import { json, scriptedHttp } from './scriptedHttp';

const project = (i: number, extra: Partial<Project> = {}): Project => ({
  name: `projects/p${i}`,
  slug: `s${i}`,
  displayName: `项目 ${i}`,
  description: '',
  archived: false,
  ...extra,
});

/** A listProjects over `total` projects that honours pageSize and skip, and records the requests. */
function serverOf(total: number, opts: { cap?: number; ignoreSkip?: boolean } = {}) {
  const all = Array.from({ length: total }, (_, i) => project(i));
  const asked: ListProjectsRequest[] = [];
  const listProjects = async (req: ListProjectsRequest): Promise<SkipPage<Project>> => {
    asked.push(req);
    const size = Math.min(req.pageSize ?? 100, opts.cap ?? Infinity);
    const skip = opts.ignoreSkip ? 0 : (req.skip ?? 0);
    return { items: all.slice(skip, skip + size), totalSize: total };
  };
  return { listProjects, asked };
}

describe('ListProjects: request, decoding, walking', () => {
  it('sends pageSize, skip and the archived filter as cocli does, and decodes description and isArchived', async () => {
    const http = scriptedHttp([
      json(200, { projects: [{ name: 'projects/a', slug: 'a', displayName: '感知', description: 'd', isArchived: true }], totalSize: '1' }),
      json(200, {}),
    ]);
    const api = createCosceneApi({ endpoint: 'https://openapi.example.com', token: 'tok-123456', profileName: 'p', http });
    const page = await api.listProjects({ pageSize: 100, skip: 0, filter: 'is_archived="false"' });
    assert.deepEqual(page, {
      items: [{ name: 'projects/a', slug: 'a', displayName: '感知', description: 'd', archived: true }],
      totalSize: 1,
    });
    assert.deepEqual(await api.listProjects({ pageSize: 100, skip: 100 }), { items: [] });
    assert.match(http.requests[0].url, /\/coscene\.openapi\.dataplatform\.v1alpha1\.services\.ProjectService\/ListProjects$/);
    assert.deepEqual(JSON.parse(http.requests[0].body ?? ''), { pageSize: 100, filter: 'is_archived="false"' });
    assert.deepEqual(JSON.parse(http.requests[1].body ?? ''), { pageSize: 100, skip: 100 });
  });

  it('decodes snake_case, missing fields as defaults, and rejects a wrong type', () => {
    assert.deepEqual(decodeProjectPage({ projects: [{ name: 'projects/x', is_archived: false }], total_size: 3 }), {
      items: [{ name: 'projects/x', slug: '', displayName: '', description: '', archived: false }],
      totalSize: 3,
    });
    assert.throws(
      () => decodeProjectPage({ projects: [{ name: 'projects/x', isArchived: 'yes' }] }),
      /response\.projects\[0\]\.isArchived should be true or false/,
    );
    assert.throws(() => decodeProjectPage({ projects: {} }), /should be a list/);
  });

  it('walks 250 projects in pages of 100 (skip 0, 100, 200) and stops on the empty page after the short one', async () => {
    const server = serverOf(250);
    const { items } = await collectAll(projectPages(server));
    assert.equal(items.length, 250);
    assert.deepEqual(
      server.asked.map((r) => r.skip),
      [0, 100, 200, 250],
    );
    assert.ok(server.asked.every((r) => r.pageSize === 100 && r.filter === 'is_archived="false"'));
  });

  it('asks for archived projects with an empty filter', async () => {
    const server = serverOf(3);
    await collectAll(projectPages(server, { includeArchived: true }));
    assert.deepEqual(
      server.asked.map((r) => r.filter),
      ['', ''],
    );
  });

  it('a short page is followed at once: the tree never shows a "Load more" that finds nothing', async () => {
    const server = serverOf(37);
    const cursor = new PageCursor(projectPages(server));
    await cursor.loadNext();
    assert.equal(cursor.items.length, 37);
    assert.equal(cursor.state, 'done');
    assert.deepEqual(
      server.asked.map((r) => r.skip),
      [0, 37],
    );
  });

  it('a walker that uses pages as they come can leave the empty page to its own turn', async () => {
    const server = serverOf(37);
    const cursor = new PageCursor(projectPages(server, { followShortPage: false }));
    await cursor.loadNext();
    assert.deepEqual([cursor.items.length, cursor.state, server.asked.length], [37, 'more', 1]);
    await cursor.loadNext();
    assert.deepEqual([cursor.items.length, cursor.state, server.asked.map((r) => r.skip)], [37, 'done', [0, 37]]);
  });

  it('a server that sends fewer than asked loses nothing: the offset moves by what arrived', async () => {
    const server = serverOf(120, { cap: 50 });
    const { items } = await collectAll(projectPages(server));
    assert.equal(new Set(items.map((p) => p.name)).size, 120);
    assert.deepEqual(
      server.asked.map((r) => r.skip),
      [0, 50, 100, 120],
    );
  });

  it('a server that ignores skip is a loop, stopped on the second identical page', async () => {
    const server = serverOf(150, { ignoreSkip: true });
    await assert.rejects(
      collectAll(projectPages(server)),
      (err: unknown) => err instanceof PagingLoopError && /same page again/.test(err.message),
    );
    assert.equal(server.asked.length, 2);
    const short = serverOf(30, { ignoreSkip: true });
    await assert.rejects(collectAll(projectPages(short)), PagingLoopError);
    assert.equal(short.asked.length, 2);
  });

  it('is bounded by maxPages like every other walk', async () => {
    const server = serverOf(5000);
    await assert.rejects(collectAll(projectPages(server), { maxPages: 3 }), /too many pages/);
    assert.equal(server.asked.length, 3);
  });

  it('puts the default project first, by slug or resource name', () => {
    const list = [project(1), project(2), project(3)];
    assert.deepEqual(
      defaultProjectFirst(list, 's3').map((p) => p.slug),
      ['s3', 's1', 's2'],
    );
    assert.deepEqual(
      defaultProjectFirst(list, 'projects/p2').map((p) => p.slug),
      ['s2', 's1', 's3'],
    );
    assert.deepEqual(
      defaultProjectFirst(list, 'nope').map((p) => p.slug),
      ['s1', 's2', 's3'],
    );
  });
});

describe('ListProjects on the wire (against the fake)', () => {
  it('walks with pageSize 100, skip 0, 100, 200 and the archived filter, then without the filter when archived are wanted', async () => {
    const fake = await startFakeServer({ seedUsers: 60, seedProjects: { count: 240, members: 3 } });
    const http = createHttpClient({ env: {} });
    try {
      const api = createCosceneApi({ endpoint: fake.url, token: FAKE_COSCENE.adminToken, profileName: 'fake', http });
      const sent = (after: number) => selectRequests(fake.stats.requests, { procedure: 'ListProjects', after }).map((r) => r.body);
      let mark = lastSeq(fake.stats.requests);
      const { items } = await collectAll(projectPages(api));
      assert.ok(items.length > 200 && items.length < 300, `${items.length} projects`);
      assert.deepEqual(
        sent(mark).map((b) => [b?.pageSize, b?.skip ?? 0, b?.filter]),
        [0, 100, 200, items.length].map((skip) => [100, skip, 'is_archived="false"']),
        'pageSize 100, skip 0 (or left out: the proto default), 100, 200, … and the active-only filter on every page',
      );
      mark = lastSeq(fake.stats.requests);
      await collectAll(projectPages(api, { includeArchived: true }));
      assert.ok(
        sent(mark).every((b) => b?.filter === undefined && b?.pageSize === 100),
        'no filter',
      );
    } finally {
      await http.close();
      await fake.close();
    }
  });
});
