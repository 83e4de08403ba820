import * as assert from 'node:assert/strict';
import { FAKE_HUAWEI, FakeServer, startFakeServer } from '../../fake/server';
import { hwFetch, signedGet } from './helpers';

const H = FAKE_HUAWEI;

function tokenBody(password: string = H.iamPassword, scope: unknown = { project: { name: H.region } }) {
  return JSON.stringify({
    auth: { identity: { methods: ['password'], password: { user: { name: H.iamUser, password, domain: { name: H.domainName } } } }, scope },
  });
}

describe('fake Huawei: IAM, AK/SK and CloudArtifact', () => {
  let server: FakeServer;
  let clock = Date.now();
  before(async () => {
    server = await startFakeServer({ maxLifetimeMs: 60_000, now: () => clock });
  });
  after(() => server.close());
  beforeEach(() => {
    clock = Date.now();
  });

  const privilegesUrl = (projectId: string, repoId: string) =>
    `${server.url}/cloudartifact/v5/repositories/${projectId}/${repoId}/privileges`;
  const reposUrl = (query = '', tenant: string = H.domainId, project: string = H.codeartsProjectId) =>
    `${server.url}/cloudartifact/v5/${tenant}/${project}/repositories${query}`;
  const get = (url: string, headers: Record<string, string> = {}) =>
    signedGet(url, H.ak, H.sk, { 'x-project-id': H.iamProjectId, ...headers }, clock);

  async function issueToken(): Promise<string> {
    const res = await hwFetch(`${server.url}/v3/auth/tokens?nocatalog=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json;charset=utf8' },
      body: tokenBody(),
    });
    assert.equal(res.status, 201);
    return res.headers.get('x-subject-token') ?? '';
  }

  describe('IAM token', () => {
    it('201 with X-Subject-Token, a +24h expiry and the project, user and domain ids', async () => {
      const res = await hwFetch(`${server.url}/v3/auth/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: tokenBody(),
      });
      assert.equal(res.status, 201);
      assert.ok((res.headers.get('x-subject-token') ?? '').length > 100);
      const token = res.json.token as {
        expires_at: string;
        project: { id: string; name: string; domain: { id: string } };
        user: { domain: { id: string } };
        catalog?: unknown;
      };
      assert.equal(Date.parse(token.expires_at) - clock, 24 * 3600 * 1000);
      assert.deepEqual([token.project.id, token.project.name, token.user.domain.id], [H.iamProjectId, H.region, H.domainId]);
      assert.ok(Array.isArray(token.catalog));
    });

    it('wrong password → 401 IAM error; malformed body → 400', async () => {
      const wrong = await hwFetch(`${server.url}/v3/auth/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: tokenBody('nope'),
      });
      assert.equal(wrong.status, 401);
      assert.equal(wrong.json.error_code, 'IAM.0004');
      const malformed = await hwFetch(`${server.url}/v3/auth/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"auth":{}}',
      });
      assert.equal(malformed.status, 400);
    });

    it('the token authorizes CloudArtifact calls until it expires', async () => {
      const token = await issueToken();
      const ok = await hwFetch(privilegesUrl(H.codeartsProjectId, H.repoIds.mavenRelease), { headers: { 'x-auth-token': token } });
      assert.equal(ok.status, 200);
      clock += 24 * 3600 * 1000 + 1;
      const expired = await hwFetch(privilegesUrl(H.codeartsProjectId, H.repoIds.mavenRelease), { headers: { 'x-auth-token': token } });
      assert.equal(expired.status, 401);
      assert.equal(expired.json.error_code, 'APIGW.0301');
      assert.match(String(expired.json.error_msg), /token expires/);
    });

    it('an unknown token is 401 APIGW.0301', async () => {
      const res = await hwFetch(privilegesUrl(H.codeartsProjectId, H.repoIds.mavenRelease), { headers: { 'x-auth-token': 'MIIbogus' } });
      assert.equal(res.status, 401);
      assert.equal(res.json.error_code, 'APIGW.0301');
    });

    it('GET /v3/projects?name=<region> (signed) returns that project only', async () => {
      const res = await get(`${server.url}/v3/projects?name=${H.region}`);
      assert.equal(res.status, 200);
      assert.deepEqual(
        (res.json.projects as { id: string }[]).map((p) => p.id),
        [H.iamProjectId],
      );
    });
  });

  describe('AK/SK verification', () => {
    it('accepts a correctly signed request', async () => {
      assert.equal((await get(privilegesUrl(H.codeartsProjectId, H.repoIds.mavenRelease), { 'x-language': 'en-us' })).status, 200);
    });

    it('rejects a bad signature with the documented gateway error', async () => {
      const res = await signedGet(privilegesUrl(H.codeartsProjectId, H.repoIds.mavenRelease), H.ak, 'wrong-secret', {}, clock);
      assert.equal(res.status, 401);
      assert.equal(res.json.error_code, 'APIGW.0301');
      assert.equal(res.json.error_msg, 'Incorrect IAM authentication information: verify aksk signature fail');
      assert.equal(res.json.request_id, res.headers.get('x-request-id'));
    });

    it('rejects a request signed for another path or query', async () => {
      const signedFor = reposUrl('?page_no=1');
      const res = await hwFetch(reposUrl('?page_no=2'), { headers: { ...(await signedHeaders(signedFor)) } });
      assert.equal(res.status, 401);
    });

    it('rejects more than 15 minutes of clock skew with the gateway signature message, accepts 14; Date tells its clock', async () => {
      const url = privilegesUrl(H.codeartsProjectId, H.repoIds.mavenRelease);
      const skewed = await signedGet(url, H.ak, H.sk, {}, clock - 16 * 60 * 1000);
      assert.equal(skewed.status, 401);
      assert.equal(skewed.json.error_msg, 'Incorrect IAM authentication information: verify aksk signature fail');
      assert.ok(Math.abs(Date.parse(skewed.headers.get('date') ?? '') - clock) < 2000);
      assert.equal((await signedGet(url, H.ak, H.sk, {}, clock + 14 * 60 * 1000)).status, 200);
    });

    it('the clock-skew fault moves the server clock (signature check and Date header) while it is on', async () => {
      const url = privilegesUrl(H.codeartsProjectId, H.repoIds.mavenRelease);
      server.faults.add({ kind: 'clock-skew', offsetMs: 20 * 60 * 1000, times: 1 });
      const skewed = await signedGet(url, H.ak, H.sk, {}, clock);
      assert.equal(skewed.status, 401);
      assert.ok(Math.abs(Date.parse(skewed.headers.get('date') ?? '') - (clock + 20 * 60 * 1000)) < 2000);
      assert.equal((await signedGet(url, H.ak, H.sk, {}, clock)).status, 200);
    });

    it('rejects an unknown AK, an unsigned x-sdk-date and a malformed Authorization', async () => {
      const url = privilegesUrl(H.codeartsProjectId, H.repoIds.mavenRelease);
      assert.equal((await signedGet(url, 'UNKNOWNAK', H.sk, {}, clock)).status, 401);
      const { signRequest } = await import('../../fake/huawei/sign');
      const noDate = signRequest({ method: 'GET', url, ak: H.ak, sk: H.sk, dateMs: clock, signedHeaders: ['host'] });
      delete noDate.host;
      assert.equal((await hwFetch(url, { headers: noDate })).status, 401);
      const lowercase = (await signedHeaders(url)).authorization.replace('SDK-HMAC-SHA256', 'sdk-hmac-sha256');
      assert.equal((await hwFetch(url, { headers: { ...(await signedHeaders(url)), authorization: lowercase } })).status, 401);
    });

    it('a temporary AK needs X-Security-Token, and it must be signed', async () => {
      const url = privilegesUrl(H.codeartsProjectId, H.repoIds.mavenRelease);
      assert.equal((await signedGet(url, H.tempAk, H.tempSk, {}, clock)).status, 401);
      assert.equal((await signedGet(url, H.tempAk, H.tempSk, { 'x-security-token': H.securityToken }, clock)).status, 200);
      const { signRequest } = await import('../../fake/huawei/sign');
      const unsigned = signRequest({
        method: 'GET',
        url,
        ak: H.tempAk,
        sk: H.tempSk,
        dateMs: clock,
        signedHeaders: ['host', 'x-sdk-date'],
      });
      delete unsigned.host;
      assert.equal((await hwFetch(url, { headers: { ...unsigned, 'x-security-token': H.securityToken } })).status, 401);
    });

    async function signedHeaders(url: string): Promise<Record<string, string>> {
      const { signRequest } = await import('../../fake/huawei/sign');
      const headers = signRequest({ method: 'GET', url, ak: H.ak, sk: H.sk, dateMs: clock });
      delete headers.host;
      return headers;
    }
  });

  describe('ShowRepositoryRolesPrivilege', () => {
    it('serves the documented example response byte for byte', async () => {
      const res = await get(privilegesUrl(H.exampleRepo.projectId, H.exampleRepo.repoId));
      assert.equal(res.status, 200);
      assert.equal(res.text, H.exampleResponseText);
      assert.equal(res.headers.get('content-type'), 'application/json;charset=UTF-8');
      assert.ok(res.headers.get('x-request-id'));
      assert.deepEqual(Object.keys(res.json.result as object), ['System engineer', 'Project manager']);
    });

    it('seeded repos vary: empty operations, null and [0,1] operations_index, an empty role, "*" paths', async () => {
      const res = await get(privilegesUrl(H.codeartsProjectId, H.repoIds.mavenRelease));
      const result = res.json.result as Record<
        string,
        { operations: string; operations_index: number[] | null; granted_object_path: string }[]
      >;
      const entries = Object.values(result).flat();
      assert.ok(entries.some((e) => e.operations === ''));
      assert.ok(entries.some((e) => e.operations_index === null));
      assert.ok(entries.some((e) => JSON.stringify(e.operations_index) === '[0,1]'));
      assert.ok(Object.values(result).some((list) => list.length === 0));
      assert.ok(entries.some((e) => e.granted_object_path.endsWith('/*')));
      assert.ok(entries.some((e) => e.granted_object_path.startsWith('/codeartsartifact/artifact/repo/')));
      assert.equal(res.json.status, 'success');
      assert.match(String(res.json.trace_id), /^[\d-]+$/);
    });

    it('project_id must be 32 lowercase letters/digits → 400 v5 error', async () => {
      for (const bad of ['73e0adda5ace41fxxxxec2a28a06', 'ABCDEF0123456789ABCDEF0123456789']) {
        const res = await get(privilegesUrl(bad, H.repoIds.mavenRelease));
        assert.equal(res.status, 400);
        assert.equal(res.json.status, 'error');
        assert.ok(res.json.error_code && res.json.error_msg);
      }
    });

    it('no permission on the project, or a repo of another project → 403 CR.4102; unknown repo → 404', async () => {
      const forbidden = await get(privilegesUrl(H.forbiddenProjectId, H.repoIds.mavenRelease));
      assert.equal(forbidden.status, 403);
      assert.equal(forbidden.json.error_code, 'CR.4102');
      assert.equal(forbidden.json.error_msg, '当前用户没有该项目权限');
      const wrongProject = await get(privilegesUrl(H.exampleRepo.projectId, H.repoIds.mavenRelease), { 'x-language': 'en-us' });
      assert.equal(wrongProject.status, 403);
      assert.match(String(wrongProject.json.error_msg), /permission/);
      assert.equal((await get(privilegesUrl(H.codeartsProjectId, 'no-such-repo'))).status, 404);
    });
  });

  describe('ListAllRepositories and ListProjectUsers', () => {
    it('pages with page_no/page_size and reports the total', async () => {
      const names: string[] = [];
      let total = 0;
      for (let page = 1; page <= 5; page++) {
        const res = await get(reposUrl(`?page_no=${page}&page_size=10`));
        const result = res.json.result as { total: number; repositories: { name: string; repositoryName: string; projectId: string }[] };
        total = result.total;
        names.push(...result.repositories.map((r) => r.name));
        if (result.repositories.length < 10) break;
      }
      assert.equal(names.length, total);
      assert.equal(new Set(names).size, total);
      assert.ok(total >= 20);
    });

    it('filters by qname, format and format_list; the trash only with is_recycle_bin', async () => {
      const q = await get(reposUrl('?qname=MAVEN&page_size=100'));
      const qRepos = (q.json.result as { repositories: { repositoryName: string }[] }).repositories;
      assert.ok(qRepos.length >= 3 && qRepos.every((r) => r.repositoryName.includes('maven')));
      const list = await get(reposUrl('?format_list=npm,pypi&page_size=100'));
      const formats = new Set((list.json.result as { repositories: { format: string }[] }).repositories.map((r) => r.format));
      assert.deepEqual([...formats].sort(), ['npm', 'pypi']);
      const docker = await get(reposUrl('?format=docker2&page_size=100'));
      assert.ok((docker.json.result as { repositories: { status: string }[] }).repositories.every((r) => r.status !== 'trash'));
      const trash = await get(reposUrl('?is_recycle_bin=true'));
      assert.deepEqual(
        (trash.json.result as { repositories: { status: string }[] }).repositories.map((r) => r.status),
        ['trash'],
      );
    });

    it('leaves an empty repositories list out (omitempty), as the service does', async () => {
      const none = await get(reposUrl('?qname=no-such-repository-anywhere'));
      assert.equal(none.status, 200);
      assert.deepEqual(none.json.result, { total: 0 });
    });

    it('validates page_size 1-100, page_no ≥ 1, qname ≤ 50, tenant and project', async () => {
      for (const query of ['?page_size=0', '?page_size=101', '?page_no=0', '?page_size=abc', `?qname=${'a'.repeat(51)}`]) {
        assert.equal((await get(reposUrl(query))).status, 400, query);
      }
      assert.equal((await get(reposUrl('', 'ffffffffffffffffffffffffffffffff'))).status, 403);
      assert.equal((await get(reposUrl('', H.domainId, 'short'))).status, 400);
    });

    it('ListProjectUsers needs repo_id and lists users with their privileges on it', async () => {
      const base = `${server.url}/cloudartifact/v5/projects/${H.codeartsProjectId}/users`;
      assert.equal((await get(base)).status, 400);
      const res = await get(`${base}?repo_id=${H.repoIds.mavenRelease}`);
      const result = res.json.result as { total: number; list: { role_name: string; privilege: string; repo_id: string }[] };
      assert.ok(result.total >= 10);
      assert.ok(result.list.every((u) => u.repo_id === H.repoIds.mavenRelease));
      assert.ok(result.list.some((u) => u.role_name === 'Viewer' && u.privilege === ''));
      assert.ok(result.list.some((u) => u.role_name === 'Project manager' && u.privilege.includes('createrepository')));
    });

    it('unknown routes and wrong methods are 404 APIGW.0101 before authentication', async () => {
      for (const [method, path] of [
        ['GET', '/cloudartifact/v5/nothing'],
        ['DELETE', `/cloudartifact/v5/repositories/${H.codeartsProjectId}/x/privileges`],
      ]) {
        const res = await hwFetch(`${server.url}${path}`, { method });
        assert.equal(res.status, 404);
        assert.equal(res.json.error_code, 'APIGW.0101');
        assert.ok(res.headers.get('x-request-id'));
      }
    });
  });
});
