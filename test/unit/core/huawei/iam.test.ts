import * as assert from 'node:assert/strict';
import { AccessError } from '../../../../src/core/errors';
import { createIamApi, tokenNeedsRenewal } from '../../../../src/core/huawei/iam';
import { json, nodeHttpClient, Reply, startServer, TestServer, verifyAkSk } from './helpers';

const IAM_PROJECT = 'fedcba9876543210fedcba9876543210';
const DOMAIN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const AKSK = {
  kind: 'aksk' as const,
  region: 'cn-north-4',
  ak: 'TESTAK123',
  sk: 'TestSecretKey-abc',
  securityToken: 'TestSecurityToken-xyz',
};

const tokenBody = json({
  token: {
    expires_at: '2024-01-03T03:04:05.000000Z',
    issued_at: '2024-01-02T03:04:05.000000Z',
    methods: ['password'],
    project: { id: IAM_PROJECT, name: 'cn-north-4', domain: { id: DOMAIN, name: 'acme' } },
    user: { id: 'u1', name: 'alice', domain: { id: DOMAIN, name: 'acme' } },
  },
});

describe('huawei IAM client', () => {
  let server: TestServer;
  let reply: Reply;
  const http = nodeHttpClient();
  beforeEach(async () => {
    server = await startServer(() => reply);
  });
  afterEach(() => server.close());
  after(() => http.close());

  const iam = (): ReturnType<typeof createIamApi> => createIamApi({ endpoint: `${server.baseUrl}/`, http, now: () => new Date() });
  const input = { userName: 'alice', password: 'Pa55word-very-secret', domainName: 'acme', region: 'cn-north-4' };

  it('gets a project-scoped token from POST /v3/auth/tokens', async () => {
    reply = { status: 201, headers: { 'X-Subject-Token': 'MIIsubjecttoken' }, body: tokenBody };
    const token = await iam().passwordToken(input);
    assert.deepEqual(token, {
      token: 'MIIsubjecttoken',
      expiresAt: '2024-01-03T03:04:05.000Z',
      projectId: IAM_PROJECT,
      domainId: DOMAIN,
      userName: 'alice',
    });
    const [req] = server.requests;
    assert.equal(req.method, 'POST');
    assert.equal(req.url, '/v3/auth/tokens?nocatalog=true');
    assert.equal(req.headers['content-type'], 'application/json;charset=utf8');
    assert.deepEqual(JSON.parse(req.body), {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'alice', password: 'Pa55word-very-secret', domain: { name: 'acme' } } },
        },
        scope: { project: { name: 'cn-north-4' } },
      },
    });
  });

  it('wrong password → a sign-in message that never shows the password', async () => {
    reply = {
      status: 401,
      headers: { 'X-Request-Id': 'rid-9' },
      body: json({ error_msg: 'The username or password is wrong.', error_code: 'IAM.0004' }),
    };
    await assert.rejects(iam().passwordToken(input), (e: unknown) => {
      assert.ok(e instanceof AccessError);
      assert.equal(
        e.message,
        'Huawei Cloud IAM rejected the sign-in. Check the account name, IAM user name and password. (code IAM.0004, trace rid-9)',
      );
      assert.deepEqual(e.actions, ['signIn']);
      assert.ok(!`${e.message} ${e.detail}`.includes(input.password));
      return true;
    });
  });

  it('a 201 without X-Subject-Token is reported as unreadable', async () => {
    reply = { status: 201, body: tokenBody };
    await assert.rejects(iam().passwordToken(input), /could not be read \(HTTP 201\)/);
  });

  it('other IAM failures use the common error parsing', async () => {
    reply = { status: 503, body: 'busy' };
    await assert.rejects(iam().passwordToken(input), /temporarily unavailable \(HTTP 503\)/);
    reply = { status: 500, body: 'oops' };
    await assert.rejects(iam().passwordToken(input), /service reported an error/);
  });

  it('resolves the IAM project id with a signed GET /v3/projects?name=<region>', async () => {
    reply = { status: 200, body: json({ projects: [{ id: IAM_PROJECT, name: 'cn-north-4' }] }) };
    assert.equal(await iam().resolveProjectId(AKSK), IAM_PROJECT);
    const [req] = server.requests;
    assert.equal(req.url, '/v3/projects?name=cn-north-4');
    const check = verifyAkSk(req, { TESTAK123: AKSK.sk });
    assert.ok(check.ok, JSON.stringify(check));
    assert.equal(req.headers['x-security-token'], AKSK.securityToken);
    assert.equal(req.headers['x-project-id'], undefined);
  });

  it('zero or several projects with that name → clear errors', async () => {
    reply = { status: 200, body: json({ projects: [] }) };
    await assert.rejects(iam().resolveProjectId(AKSK), /No IAM project named "cn-north-4"/);
    reply = { status: 200, body: json({ projects: [{ id: 'a' }, { id: 'b' }] }) };
    await assert.rejects(iam().resolveProjectId(AKSK), /2 IAM projects are named "cn-north-4"/);
  });
});

describe('huawei tokenNeedsRenewal', () => {
  const token = { token: 't', expiresAt: '2024-01-03T03:04:05.000Z', projectId: 'p', domainId: 'd', userName: 'u' };
  it('renews within the margin (default one hour) and after expiry', () => {
    assert.equal(tokenNeedsRenewal(token, new Date('2024-01-03T01:04:04Z')), false);
    assert.equal(tokenNeedsRenewal(token, new Date('2024-01-03T02:04:05Z')), true);
    assert.equal(tokenNeedsRenewal(token, new Date('2024-01-03T03:00:00Z'), 0), false);
    assert.equal(tokenNeedsRenewal(token, new Date('2024-01-03T03:04:06Z'), 0), true);
    assert.equal(tokenNeedsRenewal({ ...token, expiresAt: 'garbage' }, new Date(0)), true);
  });
});
