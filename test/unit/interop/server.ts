import { create, type DescMessage, type JsonWriteOptions } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { Code, ConnectError, type ConnectRouter, type HandlerContext } from '@connectrpc/connect';
import { compressionBrotli, compressionGzip, connectNodeAdapter } from '@connectrpc/connect-node';
import * as http from 'node:http';
import * as http2 from 'node:http2';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { API_KEY, CURRENT_USER, ORGANIZATION, PROJECT, ROLE_BY_CODE, ROLES, USERS, type InteropRole, type InteropUser } from './dataset';
import { messageType, RESOURCES_PACKAGE, SERVICES, SERVICES_PACKAGE } from './descriptors';

/** How the server is reached: HTTP/1.1 or h2c in clear text; over TLS HTTP/1.1 only, h2 only, or both by ALPN. */
export type Wire = 'http1' | 'h2c' | 'tls-http1' | 'tls-h2' | 'tls-both';

export interface InteropServerOptions {
  wire: Wire;
  /** PEM key and certificate, for the tls-* wires. */
  tls?: { key: string; cert: string };
  /** protojson writer options: every default value, or proto (snake_case) field names. */
  json?: Partial<JsonWriteOptions>;
  /** Protocols served (all three by default); `{ connect: false, grpcWeb: false }` is a gRPC-only server. */
  protocols?: { connect?: boolean; grpc?: boolean; grpcWeb?: boolean };
}

/** What one request looked like from the server, for asserting on headers the client sent. */
export interface SeenRequest {
  procedure: string;
  userAgent: string | null;
  acceptEncoding: string | null;
  /** The deadline connect-node derived from Connect-Timeout-Ms (undefined without one). */
  timeoutMs: number | undefined;
  /** Set when the handler saw its signal abort (deadline or client cancel). */
  aborted?: string;
}

export interface InteropServer {
  url: string;
  readonly connections: number;
  readonly seen: SeenRequest[];
  /** Content-Encoding of each answer, in order ('' when uncompressed). */
  readonly answerEncodings: string[];
  close(): Promise<void>;
}

const PAGE_MAX = 100;
/** A server nobody closed still stops by itself. */
const SELF_STOP_MS = 60_000;

export async function startInteropServer(options: InteropServerOptions): Promise<InteropServer> {
  const seen: SeenRequest[] = [];
  const answerEncodings: string[] = [];
  const attempts = new Map<string, number>();
  const handler = connectNodeAdapter({
    routes: (router) => routes(router, seen, attempts),
    acceptCompression: [compressionGzip, compressionBrotli],
    ...(options.json ? { jsonOptions: options.json } : {}),
    ...options.protocols,
  });
  const listener = (req: http.IncomingMessage | http2.Http2ServerRequest, res: http.ServerResponse | http2.Http2ServerResponse) => {
    // connect-node passes its headers to writeHead, where getHeader() cannot see them: look at them on the way.
    const writeHead = res.writeHead.bind(res) as (status: number, headers?: http.OutgoingHttpHeaders) => unknown;
    (res as { writeHead: unknown }).writeHead = (status: number, headers?: http.OutgoingHttpHeaders) => {
      const encoding = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1];
      answerEncodings.push(String(encoding ?? res.getHeader('content-encoding') ?? ''));
      return writeHead(status, headers);
    };
    handler(req as http.IncomingMessage, res as http.ServerResponse);
  };
  const server = createServer(options, listener);
  let connections = 0;
  const connectionEvent = options.wire.startsWith('tls') ? 'secureConnection' : 'connection';
  server.on(connectionEvent, () => connections++);
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (s: http2.ServerHttp2Session) => {
    sessions.add(s);
    s.on('close', () => sessions.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const close = () =>
    new Promise<void>((resolve) => {
      clearTimeout(selfStop);
      sessions.forEach((s) => s.destroy());
      (server as http.Server).closeAllConnections?.();
      server.close(() => resolve());
    });
  const selfStop = setTimeout(() => void close(), SELF_STOP_MS).unref();
  return {
    url: `${options.wire.startsWith('tls') ? 'https' : 'http'}://127.0.0.1:${port}`,
    get connections() {
      return connections;
    },
    seen,
    answerEncodings,
    close,
  };
}

type Listener = (req: http.IncomingMessage | http2.Http2ServerRequest, res: http.ServerResponse | http2.Http2ServerResponse) => void;

function createServer(options: InteropServerOptions, listener: Listener): http.Server | http2.Http2Server {
  const tls = options.tls;
  if (options.wire !== 'http1' && options.wire !== 'h2c' && !tls) throw new Error(`${options.wire} needs a certificate`);
  switch (options.wire) {
    case 'http1':
      return http.createServer(listener);
    case 'h2c':
      return http2.createServer(listener);
    case 'tls-http1':
      return https.createServer({ ...tls! }, listener);
    case 'tls-h2':
      return http2.createSecureServer({ ...tls!, allowHTTP1: false }, listener);
    case 'tls-both':
      return http2.createSecureServer({ ...tls!, allowHTTP1: true }, listener);
  }
}

// ---- the services ----

const T = (name: string) => messageType(`${SERVICES_PACKAGE}.${name}`);
const Res = (name: string) => messageType(`${RESOURCES_PACKAGE}.${name}`);

function routes(router: ConnectRouter, seen: SeenRequest[], attempts: Map<string, number>): void {
  const enter = (procedure: string, ctx: HandlerContext): SeenRequest => {
    authenticate(ctx);
    const entry: SeenRequest = {
      procedure,
      userAgent: ctx.requestHeader.get('user-agent'),
      acceptEncoding: ctx.requestHeader.get('accept-encoding'),
      timeoutMs: ctx.timeoutMs(),
    };
    seen.push(entry);
    ctx.signal.addEventListener('abort', () => (entry.aborted = String((ctx.signal.reason as Error)?.message ?? ctx.signal.reason)), {
      once: true,
    });
    return entry;
  };
  type Req = Record<string, unknown>;
  const str = (req: Req, key: string) => String(req[key] ?? '');

  router.service(SERVICES.organization, {
    getOrganization(req: Req, ctx: HandlerContext) {
      enter('GetOrganization', ctx);
      if (str(req, 'name') !== 'organizations/current')
        throw new ConnectError(`organization not found: ${str(req, 'name')}`, Code.NotFound);
      return make(Res('Organization'), {
        name: `organizations/${ORGANIZATION.id}`,
        displayName: ORGANIZATION.displayName,
        slug: ORGANIZATION.slug,
        createTime: timestampFromMs(Date.UTC(2024, 3, 23, 3, 17, 27, 526)),
      });
    },
  } as never);

  router.service(SERVICES.project, {
    getProject(req: Req, ctx: HandlerContext) {
      enter('GetProject', ctx);
      const name = str(req, 'name');
      if (name !== `projects/${PROJECT.slug}` && name !== `projects/${PROJECT.id}`)
        throw new ConnectError(`project not found: ${name}`, Code.NotFound);
      return make(Res('Project'), {
        name: `projects/${PROJECT.id}`,
        slug: PROJECT.slug,
        displayName: PROJECT.displayName,
        description: PROJECT.description,
      });
    },
  } as never);

  router.service(SERVICES.user, {
    listUsers(req: Req, ctx: HandlerContext) {
      enter('ListUsers', ctx);
      const parent = str(req, 'parent');
      if (parent !== '' && parent !== `projects/${PROJECT.id}`) throw new ConnectError(`invalid parent "${parent}"`, Code.InvalidArgument);
      const inProject = parent !== '';
      const members = USERS.filter((u) => !inProject || u.projectRole);
      const roleOf = (u: InteropUser) => (inProject ? u.projectRole! : u.orgRole);
      const clause = parseFilter(str(req, 'filter'), ['role.code', 'nickname']);
      const matching = members.filter((u) =>
        !clause ? true : clause.key === 'role.code' ? roleOf(u) === clause.value : (u.nickname ?? '').includes(clause.value),
      );
      const page = paginate(matching, Number(req.pageSize ?? 0), str(req, 'pageToken'));
      return make(T('ListUsersResponse'), {
        users: page.items.map((u) => userMessage(u, roleOf(u))),
        nextPageToken: page.next,
        totalSize: BigInt(matching.length),
      });
    },
    async getUser(req: Req, ctx: HandlerContext) {
      const entry = enter('GetUser', ctx);
      const name = str(req, 'name');
      const count = (attempts.get(name) ?? 0) + 1;
      attempts.set(name, count);
      const fault = /^users\/fail-(\d+)$/.exec(name);
      if (fault) throw new ConnectError(`failing on purpose with ${Code[Number(fault[1])]}`, Number(fault[1]) as Code);
      if (name === 'users/retry-after' && count === 1) {
        throw new ConnectError('slow down', Code.ResourceExhausted, { 'Retry-After': '2' });
      }
      if (name === 'users/flaky' && count <= 2) throw new ConnectError(`flaky attempt ${count}`, Code.Unavailable);
      if (name === 'users/hang') {
        // Answers only when its deadline or the client's cancel ends it: a hung backend.
        await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve(), { once: true }));
        throw new ConnectError(`gave up after ${entry.timeoutMs ?? '?'} ms`, Code.DeadlineExceeded);
      }
      const pastFaults = name === 'users/current' || name === 'users/retry-after' || name === 'users/flaky';
      const user = pastFaults ? CURRENT_USER : USERS.find((u) => `users/${u.id}` === name);
      if (!user) throw new ConnectError(`user not found: ${name}`, Code.NotFound);
      return userMessage(user, user.orgRole);
    },
    batchGetUsers(req: Req, ctx: HandlerContext) {
      enter('BatchGetUsers', ctx);
      const names = (req.names as string[]) ?? [];
      if (names.length > 100) throw new ConnectError(`at most 100 names, got ${names.length}`, Code.InvalidArgument);
      const users = names.flatMap((n) => USERS.filter((u) => `users/${u.id}` === n));
      return make(T('BatchGetUsersResponse'), { users: users.map((u) => userMessage(u, u.orgRole)) });
    },
  } as never);

  router.service(SERVICES.role, {
    listRoles(req: Req, ctx: HandlerContext) {
      enter('ListRoles', ctx);
      const clause = parseFilter(str(req, 'filter'), ['level']);
      const matching = ROLES.filter((r) => !clause || r.level === clause.value);
      const page = paginate(matching, Number(req.pageSize ?? 0), str(req, 'pageToken'));
      return make(T('ListRolesResponse'), {
        roles: page.items.map(roleMessage),
        nextPageToken: page.next,
        totalSize: BigInt(matching.length),
      });
    },
  } as never);

  let issued = 0;
  router.service(SERVICES.registry, {
    createBasicCredential(_req: Req, ctx: HandlerContext) {
      enter('CreateBasicCredential', ctx);
      issued++;
      return make(Res('BasicCredential'), { username: `cr-temp-${issued}`, password: `pw-${issued}-q9Hk2LmN8x` });
    },
  } as never);
}

function authenticate(ctx: HandlerContext): void {
  const expected = `Basic ${Buffer.from(`apikey:${API_KEY}`).toString('base64')}`;
  if (ctx.requestHeader.get('authorization') !== expected) throw new ConnectError('invalid api key', Code.Unauthenticated);
}

function make(schema: DescMessage, init: Record<string, unknown>) {
  return create(schema, init as never);
}

function roleMessage(role: InteropRole) {
  return make(Res('Role'), { name: `roles/${role.id}`, displayName: role.displayName, code: role.code, level: role.level });
}

function userMessage(user: InteropUser, roleCode: string) {
  const role = ROLE_BY_CODE.get(roleCode);
  return make(Res('User'), {
    name: `users/${user.id}`,
    ...(user.nickname !== undefined ? { nickname: user.nickname } : {}),
    email: user.email,
    phoneNumber: user.phoneNumber,
    ...(role ? { role: roleMessage(role) } : {}),
    active: user.active,
    ...(user.createTimeMs !== undefined ? { createTime: timestampFromMs(user.createTimeMs) } : {}),
  });
}

/** `key="value"` with one of the allowed keys; anything else is invalid_argument, as the real server does. */
function parseFilter(filter: string, keys: string[]): { key: string; value: string } | undefined {
  if (!filter) return undefined;
  const m = /^([\w.]+)="((?:[^"\\]|\\.)*)"$/.exec(filter.trim());
  if (!m || !keys.includes(m[1])) throw new ConnectError(`invalid filter "${filter}"`, Code.InvalidArgument);
  return { key: m[1], value: m[2].replace(/\\(.)/g, '$1') };
}

function paginate<T>(items: T[], pageSize: number, token: string): { items: T[]; next: string } {
  const size = pageSize <= 0 ? PAGE_MAX : Math.min(pageSize, PAGE_MAX);
  const offset = token ? Number(/^offset=(\d+)$/.exec(Buffer.from(token, 'base64url').toString())?.[1] ?? NaN) : 0;
  if (!Number.isSafeInteger(offset)) throw new ConnectError(`invalid page token "${token}"`, Code.InvalidArgument);
  const end = offset + size;
  return { items: items.slice(offset, end), next: end < items.length ? Buffer.from(`offset=${end}`).toString('base64url') : '' };
}
