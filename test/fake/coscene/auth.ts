import { ConnectError } from '../connect';
import { FakeRequest, header } from '../http';
import { verifyJwt } from './jwt';
import { CosceneData, FakeProject, FakeUser } from './model';

/**
 * Resolves the caller by cocli's rule (docs/protocol.md): `Authorization` (else `x-cos-auth-token`) holding
 * `Basic base64("apikey:<key>")` or `Bearer <3-part JWT>`. Anything missing, malformed, unknown,
 * expired or belonging to an inactive user is `unauthenticated`.
 */
export function authenticate(req: FakeRequest, data: CosceneData, nowMs: number): FakeUser {
  const value = header(req, 'authorization') ?? header(req, 'x-cos-auth-token');
  if (!value) throw unauthenticated('missing credentials: send Authorization or x-cos-auth-token');
  const match = /^(\S+) +(\S+)$/.exec(value.trim());
  if (!match) throw unauthenticated('malformed authorization header');
  const scheme = match[1].toLowerCase();
  const userId = scheme === 'basic' ? userForApiKey(match[2], data) : scheme === 'bearer' ? userForJwt(match[2], data, nowMs) : undefined;
  if (userId === undefined) throw unauthenticated(`unsupported authorization scheme "${match[1]}"`);
  const user = data.usersById.get(userId);
  if (!user) throw unauthenticated('invalid credentials');
  if (!user.active) throw unauthenticated('user is deactivated');
  return user;
}

function userForApiKey(encoded: string, data: CosceneData): string {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  if (!decoded.startsWith('apikey:')) throw unauthenticated('basic credentials must be apikey:<key>');
  const userId = data.apiKeys.get(decoded.slice('apikey:'.length));
  if (!userId) throw unauthenticated('invalid api key');
  return userId;
}

function userForJwt(token: string, data: CosceneData, nowMs: number): string {
  const claims = verifyJwt(data.jwtSecret, token);
  if (!claims || !claims.sub.startsWith('users/')) throw unauthenticated('invalid token');
  if (claims.exp * 1000 <= nowMs) throw unauthenticated('token is expired');
  return claims.sub.slice('users/'.length);
}

/**
 * Role rules of the fake (the real server's are not published):
 * - organization-wide user listing (ListUsers without parent, BatchGetUsers): ORGANIZATION_ADMIN or ORGANIZATION_WRITER;
 * - ListUsers of a project: those two, or any member of that project; a private project: its members only;
 * - seeing a project (ListProjects, GetProject): anyone for an internal project, members only for a private one;
 * - everything else (GetOrganization, GetProject, GetUser, ListRoles, CreateBasicCredential): any active user.
 */
export const ORG_USER_READERS = ['ORGANIZATION_ADMIN', 'ORGANIZATION_WRITER'] as const;

/**
 * The denial names the caller's role and the action, not the role that would be needed: the extension must not present
 * the caller's own role as the missing one (issue seen with a read-only profile).
 */
export function requireOrgRole(user: FakeUser, procedure: string): void {
  if ((ORG_USER_READERS as readonly string[]).includes(user.orgRoleCode)) return;
  throw new ConnectError('permission_denied', `permission denied: role ${user.orgRoleCode} cannot ${procedure}`);
}

export function canSeeProject(user: FakeUser, project: FakeProject): boolean {
  return project.visibility !== 'private' || project.members.has(user.id);
}

export function requireProjectVisible(user: FakeUser, project: FakeProject, procedure: string): void {
  if (canSeeProject(user, project)) return;
  throw new ConnectError('permission_denied', `${procedure}: projects/${project.id} is private and the caller is not a member`);
}

export function requireProjectAccess(user: FakeUser, project: FakeProject, procedure: string): void {
  requireProjectVisible(user, project, procedure);
  if ((ORG_USER_READERS as readonly string[]).includes(user.orgRoleCode) || project.members.has(user.id)) return;
  throw new ConnectError(
    'permission_denied',
    `permission denied: role ${user.orgRoleCode} cannot ${procedure} on projects/${project.id} without being a member`,
  );
}

function unauthenticated(message: string): ConnectError {
  return new ConnectError('unauthenticated', message);
}
