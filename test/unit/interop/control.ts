import type { Timestamp } from '@bufbuild/protobuf/wkt';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { createClient, type Interceptor, type Transport } from '@connectrpc/connect';
import { createConnectTransport, createGrpcTransport } from '@connectrpc/connect-node';
import type { BasicCredential, Organization, Page, Project, Role, User } from '../../../src/core/coscene/model';
import { API_KEY } from './dataset';
import { SERVICES } from './descriptors';

/**
 * The official connect-es client over the same descriptors: the control. Its answers, put into the extension's
 * model shapes by field name, are what the extension's own client must read.
 */
export interface ControlOptions {
  baseUrl: string;
  httpVersion: '1.1' | '2';
  /** CA to trust for TLS servers. */
  ca?: string;
  protocol?: 'connect' | 'grpc';
}

const auth: Interceptor = (next) => (req) => {
  const value = `Basic ${Buffer.from(`apikey:${API_KEY}`).toString('base64')}`;
  req.header.set('Authorization', value);
  req.header.set('x-cos-auth-token', value);
  return next(req);
};

type AnyMessage = Record<string, unknown>;
type Method = (req: AnyMessage, options?: { signal?: AbortSignal; timeoutMs?: number }) => Promise<AnyMessage>;
type Client = Record<string, Method>;

export function controlTransport(o: ControlOptions): Transport {
  const nodeOptions = o.ca ? { ca: o.ca } : {};
  const common = { baseUrl: o.baseUrl, interceptors: [auth], nodeOptions };
  return o.protocol === 'grpc'
    ? createGrpcTransport(common)
    : o.httpVersion === '2'
      ? createConnectTransport({ ...common, httpVersion: '2' })
      : createConnectTransport({ ...common, httpVersion: '1.1' });
}

export function controlApi(o: ControlOptions) {
  const transport = controlTransport(o);
  const client = (s: (typeof SERVICES)[keyof typeof SERVICES]) => createClient(s, transport) as unknown as Client;
  const org = client(SERVICES.organization);
  const project = client(SERVICES.project);
  const users = client(SERVICES.user);
  const roles = client(SERVICES.role);
  const registry = client(SERVICES.registry);
  return {
    getOrganization: async (): Promise<Organization> =>
      pick(await org.getOrganization({ name: 'organizations/current' }), ['name', 'slug', 'displayName']),
    getProject: async (name: string): Promise<Project> => {
      const p = await project.getProject({ name });
      return {
        ...(pick(p, ['name', 'slug', 'displayName', 'description']) as Record<string, string>),
        archived: p.isArchived === true,
      } as Project;
    },
    listUsers: async (req: { parent?: string; pageSize?: number; pageToken?: string; filter?: string }): Promise<Page<User>> => {
      const res = await users.listUsers(req);
      return page((res.users as AnyMessage[]).map(toUser), res);
    },
    getUser: async (name: string, options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<User> =>
      toUser(await users.getUser({ name }, options)),
    batchGetUsers: async (names: string[]): Promise<User[]> => ((await users.batchGetUsers({ names })).users as AnyMessage[]).map(toUser),
    listRoles: async (req: { pageSize?: number; pageToken?: string; filter?: string }): Promise<Page<Role>> => {
      const res = await roles.listRoles(req);
      return page((res.roles as AnyMessage[]).map(toRole), res);
    },
    createBasicCredential: async (): Promise<BasicCredential> => pick(await registry.createBasicCredential({}), ['username', 'password']),
  };
}

function pick<K extends string>(m: AnyMessage, keys: K[]): Record<K, string> & never {
  return Object.fromEntries(keys.map((k) => [k, m[k]])) as never;
}

function page<T>(items: T[], res: AnyMessage): Page<T> {
  // The extension reports totalSize when the server sent one; protojson omits 0, so 0 reads as "not sent" here.
  const total = Number(res.totalSize as bigint);
  return { items, nextPageToken: res.nextPageToken as string, ...(total ? { totalSize: total } : {}) };
}

function toRole(r: AnyMessage): Role {
  return pick(r, ['name', 'displayName', 'code', 'level']);
}

function toUser(u: AnyMessage): User {
  const created = u.createTime as Timestamp | undefined;
  return {
    name: u.name as string,
    ...(u.nickname !== undefined ? { nickname: u.nickname as string } : {}),
    email: u.email as string,
    phoneNumber: u.phoneNumber as string,
    ...(u.role ? { role: toRole(u.role as AnyMessage) } : {}),
    active: u.active as boolean,
    ...(created ? { createTime: rfc3339(created) } : {}),
  };
}

/** protojson's Timestamp text: UTC, 'Z', fractional digits in groups of three and only when non-zero. */
function rfc3339(t: Timestamp): string {
  const iso = timestampDate(t).toISOString(); // millisecond precision is all the data set uses
  return iso.replace(/\.000Z$/, 'Z');
}
