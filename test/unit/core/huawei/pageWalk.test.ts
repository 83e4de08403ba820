import * as assert from 'node:assert/strict';
import { createArtifactApi } from '../../../../src/core/huawei/artifact';
import type { ProjectUser } from '../../../../src/core/huawei/model';
import { NumberedList } from '../../../../src/core/paging';
import { lastSeq, selectRequests } from '../../../fake/requestLog';
import { FAKE_HUAWEI, FakeServer, startFakeServer } from '../../../fake/server';
import { nodeHttpClient } from './helpers';

const H = FAKE_HUAWEI;
const REPO = H.repoIds.mavenRelease;

/** The project users of a repository walked page by page as the Permissions view does (100 a page). */
describe('huawei: a page_no walk on the wire (against the fake)', () => {
  let server: FakeServer;
  const http = nodeHttpClient();
  const api = () =>
    createArtifactApi({
      endpoint: server.url,
      credentials: { kind: 'aksk', region: H.region, ak: H.ak, sk: H.sk, projectId: H.iamProjectId },
      http,
      language: 'en-us',
      maxRetries: 0,
    });
  before(async () => {
    server = await startFakeServer({ seedUsers: 0 });
    const members = server.huawei.members.get(H.codeartsProjectId)!;
    members.push(...Array.from({ length: 230 - members.length }, (_, i) => ({ ...members[0], user_id: `m${i}`.padStart(32, '0') })));
  });
  after(async () => {
    await server.close();
    await http.close();
  });
  afterEach(() => server.faults.clear());

  async function walk(): Promise<NumberedList<ProjectUser>> {
    const list = new NumberedList<ProjectUser>(100, 'users', (u) => u.userId);
    do {
      const page = await api().listProjectUsers(H.codeartsProjectId, REPO, list.nextPageNo, list.pageSize);
      list.accept(page.users, page.total);
    } while (list.hasMore);
    return list;
  }
  const pagesSent = (mark: number) =>
    selectRequests(server.stats.requests, { procedure: 'ListProjectUsers', after: mark }).map((r) => [r.page?.pageNo, r.page?.pageSize]);

  it('asks for page_no 1, 2, 3 with page_size 100, each once', async () => {
    const mark = lastSeq(server.stats.requests);
    assert.equal((await walk()).items.length, 230);
    assert.deepEqual(pagesSent(mark), [
      [1, 100],
      [2, 100],
      [3, 100],
    ]);
  });

  it('stops at the first repeated page instead of asking for more', async () => {
    server.faults.add({ kind: 'repeat-page-token', match: { procedure: 'ListProjectUsers' }, times: Infinity });
    const mark = lastSeq(server.stats.requests);
    await assert.rejects(walk(), /sent the same page of users again; stopped after 100/);
    assert.deepEqual(pagesSent(mark), [
      [1, 100],
      [2, 100],
    ]);
  });
});
