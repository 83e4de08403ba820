import { FakeReply, FakeRequest, header } from '../http';
import { IssuedToken, TokenStore } from './auth';
import { huaweiJson } from './errors';
import { HuaweiData } from './model';
import { recordIssuedToken } from './secrets';

/** IAM's own error shape (unconfirmed, docs/protocol.md: IAM.0004 for bad credentials, the rest invented). */
function iamError(status: number, code: string, message: string, requestId: string): FakeReply {
  return huaweiJson(status, { error_msg: message, error_code: code }, requestId);
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** POST /v3/auth/tokens with password identity (docs/protocol.md). */
export function createToken(req: FakeRequest, data: HuaweiData, tokens: TokenStore, nowMs: number, requestId: string): FakeReply {
  const contentType = (header(req, 'content-type') ?? '').toLowerCase();
  if (!contentType.startsWith('application/json')) return iamError(400, 'IAM.0011', 'Content-Type must be application/json.', requestId);
  let body: unknown;
  try {
    body = JSON.parse(req.body.toString('utf8'));
  } catch {
    return iamError(400, 'IAM.0011', 'The request body is not valid JSON.', requestId);
  }
  const auth = obj(obj(body)?.auth);
  const identity = obj(auth?.identity);
  const methods = identity?.methods;
  const user = obj(obj(identity?.password)?.user);
  const userDomain = obj(user?.domain);
  const scope = obj(auth?.scope);
  if (
    !Array.isArray(methods) ||
    !methods.includes('password') ||
    !user ||
    !str(user.name) ||
    typeof user.password !== 'string' ||
    !userDomain ||
    !(str(userDomain.name) || str(userDomain.id))
  ) {
    return iamError(
      400,
      'IAM.0011',
      'The request body is invalid: auth.identity.methods ["password"] and password.user {name, password, domain} are required.',
      requestId,
    );
  }
  const scopeProject = obj(scope?.project);
  const scopeDomain = obj(scope?.domain);
  if (!scopeProject && !scopeDomain)
    return iamError(400, 'IAM.0011', 'The request body is invalid: auth.scope.project or auth.scope.domain is required.', requestId);

  const domainMatches = userDomain.name === data.domain.name || userDomain.id === data.domain.id;
  if (!domainMatches || user.name !== data.iamUser.name || user.password !== data.iamUser.password) {
    return iamError(401, 'IAM.0004', 'The username or password is wrong.', requestId);
  }
  let project: { id: string; name: string } | undefined;
  if (scopeProject) {
    project = data.iamProjects.find((p) => p.name === scopeProject.name || p.id === scopeProject.id);
    if (!project) return iamError(400, 'IAM.0012', 'The project in the scope does not exist.', requestId);
  } else if (scopeDomain && scopeDomain.name !== data.domain.name && scopeDomain.id !== data.domain.id) {
    return iamError(401, 'IAM.0004', 'The domain in the scope does not match the user.', requestId);
  }
  const issued = tokens.issue(nowMs, project?.id);
  recordIssuedToken(data, issued.token);
  const withCatalog = !req.query.get('nocatalog');
  return huaweiJson(201, { token: tokenBody(issued, data, project, withCatalog) }, requestId, { 'x-subject-token': issued.token });
}

function tokenBody(issued: IssuedToken, data: HuaweiData, project: { id: string; name: string } | undefined, withCatalog: boolean): Json {
  const domain = { id: data.domain.id, name: data.domain.name };
  const body: Json = {
    expires_at: iamTime(issued.expiresAtMs),
    issued_at: iamTime(issued.issuedAtMs),
    methods: ['password'],
    user: { id: data.iamUser.id, name: data.iamUser.name, password_expires_at: '', domain },
    roles: [{ id: '0', name: 'op_gated_codeartsartifact' }],
  };
  if (project) body.project = { id: project.id, name: project.name, domain };
  else body.domain = domain;
  if (withCatalog) body.catalog = [{ type: 'identity', id: '1', name: 'iam', endpoints: [] }];
  return body;
}

/** IAM writes microseconds: 2024-01-03T03:04:05.000000Z */
function iamTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** GET /v3/projects?name=<region> (signed or token). */
export function listIamProjects(req: FakeRequest, data: HuaweiData, requestId: string): FakeReply {
  const name = req.query.get('name');
  const projects = data.iamProjects
    .filter((p) => name === null || p.name === name)
    .map((p) => ({
      id: p.id,
      name: p.name,
      domain_id: data.domain.id,
      parent_id: data.domain.id,
      description: '',
      enabled: true,
      is_domain: false,
      links: { self: `/v3/projects/${p.id}` },
    }));
  return huaweiJson(200, { projects, links: { self: '/v3/projects', previous: null, next: null } }, requestId);
}
