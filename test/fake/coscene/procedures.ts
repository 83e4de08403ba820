import { ConnectError } from '../connect';
import { UUID_PATTERN } from '../seed/random';
import { canSeeProject, requireOrgRole, requireProjectAccess, requireProjectVisible } from './auth';
import { CredentialIssuer } from './credentials';
import { FilterClause, parseFilter } from './filter';
import { CosceneData, FakeProject, FakeUser } from './model';
import { PageFault, paginate, resolvePageSize } from './paging';
import { RequestMessage } from './request';
import { listJson, organizationJson, projectJson, roleJson, userJson } from './serialize';

export const SERVICE_PREFIX = 'coscene.openapi.dataplatform.v1alpha1.services.';

export interface ProcedureContext {
  data: CosceneData;
  caller: FakeUser;
  credentials: CredentialIssuer;
  pageFault: PageFault;
}

type Procedure = (msg: RequestMessage, ctx: ProcedureContext) => Record<string, unknown>;

/** Keyed by "<Service>/<Method>". */
export const PROCEDURES: Record<string, Procedure> = {
  'OrganizationService/GetOrganization': getOrganization,
  'ProjectService/GetProject': getProject,
  'ProjectService/ListProjects': listProjects,
  'UserService/ListUsers': listUsers,
  'UserService/GetUser': getUser,
  'UserService/BatchGetUsers': batchGetUsers,
  'RoleService/ListRoles': listRoles,
  'ContainerRegistryService/CreateBasicCredential': (_msg, ctx) => ({ ...ctx.credentials.issue() }),
};

/** Procedures whose responses carry page tokens (eligible for the paging faults). */
export const LIST_PROCEDURES = new Set(['UserService/ListUsers', 'RoleService/ListRoles', 'ProjectService/ListProjects']);

function getOrganization(msg: RequestMessage, ctx: ProcedureContext): Record<string, unknown> {
  const name = msg.string('name');
  if (name === 'organizations/current') return organizationJson(ctx.data.organization);
  if (!/^organizations\/[^/]+$/.test(name)) throw new ConnectError('invalid_argument', `invalid organization name "${name}"`);
  throw new ConnectError('not_found', `organization not found: ${name}`);
}

function getProject(msg: RequestMessage, ctx: ProcedureContext): Record<string, unknown> {
  const name = msg.string('name');
  const match = /^projects\/([^/]+)$/.exec(name);
  if (!match) throw new ConnectError('invalid_argument', `invalid project name "${name}"`);
  const project = ctx.data.projects.find((p) => p.id === match[1] || p.slug === match[1]);
  if (!project) throw new ConnectError('not_found', `project not found: ${name}`);
  requireProjectVisible(ctx.caller, project, 'GetProject');
  return projectJson(project);
}

/**
 * Offset paging as cocli uses it: pageSize (0 → 100, else 10..100), skip ≥ 0, filter `is_archived="true|false"`
 * (empty: all). No page token: the client stops on an empty page. Only projects the caller can see.
 * Paging fault `repeat-page-token` = a server that ignores `skip` (always the first page).
 */
function listProjects(msg: RequestMessage, ctx: ProcedureContext): Record<string, unknown> {
  const pageSize = resolvePageSize(msg.int32('pageSize'));
  const skip = msg.int32('skip') ?? 0;
  if (skip < 0) throw new ConnectError('invalid_argument', 'skip must not be negative');
  const clauses = parseFilter(msg.string('filter'), ['is_archived']);
  for (const c of clauses) {
    if (c.value !== 'true' && c.value !== 'false')
      throw new ConnectError('invalid_argument', `invalid filter: is_archived must be "true" or "false", got "${c.value}"`);
  }
  const matching = ctx.data.projects.filter((p) => canSeeProject(ctx.caller, p) && clauses.every((c) => String(p.archived) === c.value));
  const start = ctx.pageFault === 'repeat-page-token' ? 0 : ctx.pageFault === 'empty-page-with-token' ? matching.length : skip;
  const projects = matching.slice(start, start + pageSize).map(projectJson);
  return listJson('projects', projects, '', matching.length);
}

function listUsers(msg: RequestMessage, ctx: ProcedureContext): Record<string, unknown> {
  const parent = msg.string('parent');
  const project = parent === '' ? undefined : projectForParent(parent, ctx.data);
  if (project) requireProjectAccess(ctx.caller, project, 'ListUsers');
  else requireOrgRole(ctx.caller, 'ListUsers');
  const pageSize = resolvePageSize(msg.int32('pageSize'));
  const filter = msg.string('filter');
  const clauses = parseFilter(filter, ['role.code', 'nickname']);

  const roleOf = (user: FakeUser) => (project ? (project.members.get(user.id) ?? '') : user.orgRoleCode);
  const scoped = project ? ctx.data.users.filter((u) => project.members.has(u.id)) : ctx.data.users;
  const matching = scoped.filter((u) => clauses.every((c) => userMatches(u, roleOf(u), c)));
  const page = paginate(matching, pageSize, msg.string('pageToken'), `ListUsers|${parent}|${filter}`, ctx.pageFault);
  const users = page.items.map((u) => userJson(u, roleOf(u), ctx.data));
  return listJson('users', users, page.nextPageToken, matching.length);
}

function projectForParent(parent: string, data: CosceneData): FakeProject {
  const match = /^projects\/([^/]+)$/.exec(parent);
  if (!match) throw new ConnectError('invalid_argument', `invalid parent "${parent}": expected "" or projects/<uuid>`);
  if (!UUID_PATTERN.test(match[1])) {
    throw new ConnectError('invalid_argument', `invalid parent "${parent}": project id must be a uuid (resolve a slug with GetProject)`);
  }
  const project = data.projects.find((p) => p.id === match[1]);
  if (!project) throw new ConnectError('not_found', `project not found: ${parent}`);
  return project;
}

function userMatches(user: FakeUser, roleCode: string, clause: FilterClause): boolean {
  if (clause.field === 'role.code') return roleCode === clause.value;
  return (user.nickname ?? '').toLowerCase().includes(clause.value.toLowerCase());
}

function getUser(msg: RequestMessage, ctx: ProcedureContext): Record<string, unknown> {
  const user = resolveUserName(msg.string('name'), ctx);
  return userJson(user, user.orgRoleCode, ctx.data);
}

function resolveUserName(name: string, ctx: ProcedureContext): FakeUser {
  if (name === 'users/current') return ctx.caller;
  const match = /^users\/([^/]+)$/.exec(name);
  if (!match || !UUID_PATTERN.test(match[1]))
    throw new ConnectError('invalid_argument', `invalid user name "${name}": expected users/<uuid>`);
  const user = ctx.data.usersById.get(match[1]);
  if (!user) throw new ConnectError('not_found', `user not found: ${name}`);
  return user;
}

const MAX_BATCH = 100;

function batchGetUsers(msg: RequestMessage, ctx: ProcedureContext): Record<string, unknown> {
  const names = msg.strings('names');
  if (names.length > MAX_BATCH) throw new ConnectError('invalid_argument', `at most ${MAX_BATCH} names per call (got ${names.length})`);
  requireOrgRole(ctx.caller, 'BatchGetUsers');
  const users = names.map((name) => {
    if (name === 'users/current') throw new ConnectError('invalid_argument', 'users/current is not allowed in BatchGetUsers');
    const user = resolveUserName(name, ctx);
    return userJson(user, user.orgRoleCode, ctx.data);
  });
  return users.length ? { users } : {};
}

function listRoles(msg: RequestMessage, ctx: ProcedureContext): Record<string, unknown> {
  const pageSize = resolvePageSize(msg.int32('pageSize'));
  const filter = msg.string('filter');
  const clauses = parseFilter(filter, ['level']);
  const matching = ctx.data.roles.filter((r) => clauses.every((c) => r.level === c.value));
  const page = paginate(matching, pageSize, msg.string('pageToken'), `ListRoles|${filter}`, ctx.pageFault);
  return listJson('roles', page.items.map(roleJson), page.nextPageToken, matching.length);
}
