import * as assert from 'node:assert/strict';
import { AccessSession } from '../../../../src/core/access/session';
import { parseUserQuery, searchByNickname } from '../../../../src/core/access/userQuery';
import { createCosceneApi } from '../../../../src/core/coscene/api';
import type { HttpClient } from '../../../../src/core/http/types';
import { createHttpClient } from '../../../../src/core/http/undiciHttpClient';
import { FAKE_COSCENE, startFakeServer, type FakeServer } from '../../../fake/server';

describe('Show Access for User…: what the user typed', function () {
  this.timeout(20_000);
  it('a uuid, users/<id>, nothing (yourself) or a nickname', () => {
    assert.deepEqual(parseUserQuery('  5D2A8C71-3E4F-4A6B-8C9D-0E1F2A3B4C5D '), {
      kind: 'name',
      name: 'users/5d2a8c71-3e4f-4a6b-8c9d-0e1f2a3b4c5d',
    });
    assert.deepEqual(parseUserQuery('users/abc'), { kind: 'name', name: 'users/abc' });
    assert.deepEqual(parseUserQuery('   '), { kind: 'current' });
    assert.deepEqual(parseUserQuery('王强'), { kind: 'nickname', text: '王强' });
    assert.deepEqual(parseUserQuery('users/a/b'), { kind: 'nickname', text: 'users/a/b' });
  });

  describe('nickname search against the fake', () => {
    let fake: FakeServer;
    let http: HttpClient;
    const apiFor = (token: string) =>
      createCosceneApi({ endpoint: fake.url, token, profileName: 'fake', http, sleep: async () => undefined });
    before(async () => {
      fake = await startFakeServer({ seedUsers: 120, maxLifetimeMs: 60_000 });
      http = createHttpClient({ env: {} });
    });
    after(async () => {
      await http.close();
      await fake.close();
    });

    it("asks the server with cocli's nickname filter (quotes escaped), exact match first", async () => {
      const found = await searchByNickname(apiFor(FAKE_COSCENE.adminToken), FAKE_COSCENE.quotedNickname);
      assert.equal(found.source, 'server');
      assert.deepEqual(
        found.users.map((u) => u.nickname),
        [FAKE_COSCENE.quotedNickname],
      );
      const alice = await searchByNickname(apiFor(FAKE_COSCENE.adminToken), 'ALICE');
      assert.ok(alice.users.length >= 1 && alice.users.every((u) => /alice/i.test(u.nickname ?? '')));
    });

    it('without org rights it searches the members the scan already read', async () => {
      const session = new AccessSession();
      const api = apiFor(FAKE_COSCENE.readerToken);
      const scan = await session.projectScan('reader', api);
      const found = await searchByNickname(api, '王强', scan.users.values());
      assert.equal(found.source, 'members');
      assert.deepEqual(
        found.users.map((u) => u.name),
        [FAKE_COSCENE.writerUserName],
      );
    });
  });
});
