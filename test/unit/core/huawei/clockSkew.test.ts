import * as assert from 'node:assert/strict';
import { createArtifactApi } from '../../../../src/core/huawei/artifact';
import { HuaweiApiError } from '../../../../src/core/huawei/errors';
import { FAKE_HUAWEI, FakeServer, startFakeServer } from '../../../fake/server';
import { nodeHttpClient } from './helpers';

/** The switchable clock-skew fault of the fake: what a user with a wrong system clock sees when signing with AK/SK. */
describe('huawei: a skewed clock against the fake (clock-skew fault)', () => {
  let server: FakeServer;
  const http = nodeHttpClient();
  before(async () => {
    server = await startFakeServer({ seedUsers: 0 });
  });
  after(async () => {
    await server.close();
    await http.close();
  });
  afterEach(() => server.faults.clear());

  const api = () =>
    createArtifactApi({
      endpoint: server.url,
      credentials: {
        kind: 'aksk',
        region: FAKE_HUAWEI.region,
        ak: FAKE_HUAWEI.ak,
        sk: FAKE_HUAWEI.sk,
        projectId: FAKE_HUAWEI.iamProjectId,
      },
      http,
      language: 'en-us',
      maxRetries: 0,
    });
  const query = { tenantId: FAKE_HUAWEI.domainId, projectId: FAKE_HUAWEI.codeartsProjectId, pageNo: 1, pageSize: 10 };

  it('the server 25 minutes ahead: the local clock is reported 25 min behind', async () => {
    server.faults.add({ kind: 'clock-skew', offsetMs: 25 * 60_000, times: Infinity });
    await assert.rejects(api().listRepositories(query), (e: unknown) => {
      assert.ok(e instanceof HuaweiApiError);
      assert.equal(e.kind, 'clockSkew');
      assert.match(e.message, /your system clock is 25 min behind Huawei Cloud/);
      assert.equal(e.errorMsg, 'Incorrect IAM authentication information: verify aksk signature fail');
      return true;
    });
  });

  it('the server 3 hours behind: the local clock is reported 3 h ahead', async () => {
    server.faults.add({ kind: 'clock-skew', offsetMs: -3 * 3600_000, times: Infinity });
    await assert.rejects(api().listRepositories(query), /your system clock is 3 h ahead of Huawei Cloud/);
  });

  it('a skew within 15 minutes is accepted, and switching the fault off restores service', async () => {
    server.faults.add({ kind: 'clock-skew', offsetMs: 10 * 60_000, times: 1 });
    assert.ok((await api().listRepositories(query)).repositories.length > 0);
    server.faults.add({ kind: 'clock-skew', offsetMs: 40 * 60_000, times: 1 });
    await assert.rejects(api().listRepositories(query), /40 min behind/);
    assert.ok((await api().listRepositories(query)).repositories.length > 0);
  });
});
