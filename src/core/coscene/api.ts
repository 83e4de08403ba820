import { AccessError, msg } from '../errors';
import { checkEndpoint } from '../profiles/endpoint';
import { registerSecret } from '../redact';
import { InvalidResponseError } from './apiErrors';
import {
  decodeBasicCredential,
  decodeOrganization,
  decodeProject,
  decodeProjectPage,
  decodeRolePage,
  decodeUser,
  decodeUserList,
  decodeUserPage,
  ResponseShapeError,
} from './decode';
import type { CosceneApi, ListProjectsRequest, ListRolesRequest, ListUsersRequest } from './model';
import { createTransport, type TransportOptions } from './transport';

/** The API takes exactly what its transport needs. */
export type CosceneApiOptions = TransportOptions;

/** cocli splits BatchGetUsers into calls of at most 100 names (docs/protocol.md). */
export const BATCH_GET_LIMIT = 100;

export function createCosceneApi(opts: CosceneApiOptions): CosceneApi {
  registerSecret(opts.token);
  const endpointProblem = checkEndpoint(opts.endpoint);
  if (endpointProblem) throw new AccessError(endpointProblem, ['showLogs']);
  const transport = createTransport(opts);

  async function call<T>(service: string, method: string, body: object, decode: (v: unknown) => T, signal?: AbortSignal): Promise<T> {
    const answer = await transport.call(service, method, body, signal);
    try {
      return decode(answer);
    } catch (err) {
      if (!(err instanceof ResponseShapeError)) throw err;
      const procedure = `${service}/${method}`;
      throw new InvalidResponseError(
        procedure,
        msg('The server sent an unexpected answer to {0}: {1}.', procedure, err.message),
        err.message,
      );
    }
  }

  return {
    getOrganization: (signal) =>
      call('OrganizationService', 'GetOrganization', { name: 'organizations/current' }, decodeOrganization, signal),

    getProject: (nameOrSlug, signal) =>
      call(
        'ProjectService',
        'GetProject',
        { name: nameOrSlug.startsWith('projects/') ? nameOrSlug : `projects/${nameOrSlug}` },
        decodeProject,
        signal,
      ),

    listProjects: (req: ListProjectsRequest, signal) =>
      call(
        'ProjectService',
        'ListProjects',
        withoutDefaults({ pageSize: req.pageSize, skip: req.skip, filter: req.filter }),
        decodeProjectPage,
        signal,
      ),

    listUsers: (req: ListUsersRequest, signal) =>
      call(
        'UserService',
        'ListUsers',
        withoutDefaults({ parent: req.parent, pageSize: req.pageSize, pageToken: req.pageToken, filter: req.filter }),
        decodeUserPage,
        signal,
      ),

    getUser: (name, signal) => call('UserService', 'GetUser', { name: userName(name) }, (v) => decodeUser(v), signal),

    async batchGetUsers(names, signal) {
      const users = [];
      for (let i = 0; i < names.length; i += BATCH_GET_LIMIT) {
        const chunk = names.slice(i, i + BATCH_GET_LIMIT).map(userName);
        users.push(...(await call('UserService', 'BatchGetUsers', { names: chunk }, decodeUserList, signal)));
      }
      return users;
    },

    listRoles: (req: ListRolesRequest, signal) =>
      call(
        'RoleService',
        'ListRoles',
        withoutDefaults({ pageSize: req.pageSize, pageToken: req.pageToken, filter: req.filter }),
        decodeRolePage,
        signal,
      ),

    async createBasicCredential(signal) {
      const credential = await call('ContainerRegistryService', 'CreateBasicCredential', {}, (v) => decodeBasicCredential(v), signal);
      registerSecret(credential.password);
      return credential;
    },
  };
}

/** cocli's rule: `users/<id>` unchanged, a bare id gets the prefix, nothing means the caller. */
export function userName(arg: string): string {
  const trimmed = arg.trim();
  if (!trimmed) return 'users/current';
  return /^users\/[^/]+$/.test(trimmed) ? trimmed : `users/${trimmed}`;
}

/** protojson omits defaults; sending them would only differ from cocli's requests. */
function withoutDefaults(body: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(body)) if (v !== undefined && v !== '' && v !== 0) out[k] = v;
  return out;
}
