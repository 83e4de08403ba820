import { ConnectError } from '../connect';
import { UUID_PATTERN } from '../seed/random';
import { requireOrgRole, requireProjectAccess } from './auth';
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
  'UserService/ListUsers': listUsers,
  'UserService/GetUser': getUser,
  'UserService/BatchGetUsers': batchGetUsers,
  'RoleService/ListRoles': listRoles,
  'ContainerRegistryService/CreateBasicCredential': (_msg, ctx) => ({ ...ctx.credentials.issue() }),
};

/** Procedures whose responses carry page tokens (eligible for the paging faults). */
export const LIST_PROCEDURES = new Set(['UserService/ListUsers', 'RoleService/ListRoles']);

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
  return projectJson(project);
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
  if (!match || !UUID_PATTERN.test(match[1])) throw new ConnectError('invalid_argument', `invalid user name "${name}": expected users/<uuid>`);
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
