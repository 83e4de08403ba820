import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CredentialIssuer, RegistryCredential } from './coscene/credentials';
import { changeMembership, changeUsers, checkpoint, controlReply, restore } from './coscene/control';
import { CosceneData } from './coscene/model';
import { PageFault } from './coscene/paging';
import { cosceneRouteInfo, handleCoscene, isCoscenePath } from './coscene/router';
import { FakeApi, FaultController, FaultRegistry, faultReply, parseFaultSpec } from './faults';
import { FakeReply, FakeRequest, jsonReply } from './http';
import { TokenStore } from './huawei/auth';
import { languageOf, newRequestId } from './huawei/errors';
import { HuaweiData } from './huawei/model';
import { HUAWEI_LIST_OPERATIONS } from './huawei/artifact';
import { handleHuawei, huaweiOperation } from './huawei/router';
import { FIXED_USER_IDS, generateCosceneData, SeedProjects } from './seed/coscene';
import { applyDataFile, loadDataFile } from './seed/dataFile';
import { generateHuaweiData } from './seed/huawei';
import { RecordedRequest, summariseCosceneBody, summariseHuaweiPage } from './requestLog';

export { FAKE_COSCENE, mintCosceneJwt } from './seed/coscene';
export { FAKE_HUAWEI } from './seed/huawei';
export type { FaultController, FaultSpec, FaultMatch, FaultKind, FakeApi } from './faults';
export type { RecordedBody, RecordedPage, RecordedRequest, RequestFilter } from './requestLog';

export interface FakeServerOptions {
  /** 0 (default) = random; always binds 127.0.0.1. */
  port?: number;
  /** Added to every response (not to /__fake/ control calls). */
  latencyMs?: number;
  /** Organization size; default 320 (the fixed FAKE_COSCENE users are always included). */
  seedUsers?: number;
  /** Generated projects on top of the seed (`members` users each, drawn from the generated users). */
  seedProjects?: SeedProjects;
  /** JSON adding to the seed; shape documented in seed/dataFile.ts (FakeDataFile). */
  dataFile?: string;
  /** CreateBasicCredential hands these out in order, then random ones. */
  registryCredentials?: RegistryCredential[];
  /** The server closes itself after this long (default 30 min); the timer does not keep Node alive. */
  maxLifetimeMs?: number;
  /** Clock for token expiry and signature skew. */
  now?: () => number;
}

export interface FakeServer {
  url: string;
  port: number;
  faults: FaultController;
  /** The last MAX_RECORDED_REQUESTS requests, oldest first (control calls excluded). */
  stats: { requests: RecordedRequest[] };
  /** The data being served (read-only by convention). */
  coscene: CosceneData;
  huawei: HuaweiData;
  close(): Promise<void>;
}

export const MAX_RECORDED_REQUESTS = 5000;
const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_LIFETIME_MS = 30 * 60 * 1000;

export async function startFakeServer(opts: FakeServerOptions = {}): Promise<FakeServer> {
  const now = opts.now ?? Date.now;
  let coscene = generateCosceneData(opts.seedUsers, opts.seedProjects);
  if (opts.dataFile) coscene = applyDataFile(coscene, loadDataFile(opts.dataFile), FIXED_USER_IDS);
  const seeded = checkpoint(coscene);
  const huawei = generateHuaweiData();
  const faults = new FaultRegistry();
  const credentials = new CredentialIssuer(opts.registryCredentials);
  const tokens = new TokenStore();
  const stats = { requests: [] as RecordedRequest[] };
  let seq = 0;
  const timers = new Set<NodeJS.Timeout>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      t.unref();
      timers.add(t);
    });

  async function serve(req: FakeRequest, res: ServerResponse): Promise<void> {
    if (req.path.startsWith('/__fake/')) return send(res, control(req), 0);
    const api: FakeApi = isCoscenePath(req.path) ? 'coscene' : 'huawei';
    const route = api === 'coscene' ? cosceneRouteInfo(req.path) : undefined;
    const procedure = api === 'coscene' ? route?.method : huaweiOperation(req.method, req.path);
    record(req, api, procedure);
    const names = [procedure, route?.key].filter((n): n is string => n !== undefined);
    const isList = api === 'coscene' ? (route?.isList ?? false) : procedure !== undefined && HUAWEI_LIST_OPERATIONS.has(procedure);
    const { delay, clock, outcome } = faults.take({ api, path: req.path, names, isList });
    await sleep((opts.latencyMs ?? 0) + (delay?.ms ?? 0));
    if (outcome?.kind === 'reset') return void res.socket?.destroy();
    if (outcome?.kind === 'hang') return; // closeAllConnections() ends it
    const requestId = newRequestId();
    const nowMs = now() + (clock?.offsetMs ?? 0);
    let reply = outcome ? faultReply(outcome, languageOf(req.headers['x-language'] as string | undefined), requestId, nowMs) : undefined;
    if (!reply) {
      const pageFault: PageFault =
        outcome?.kind === 'repeat-page-token' || outcome?.kind === 'empty-page-with-token' || outcome?.kind === 'endless-pages'
          ? outcome.kind
          : undefined;
      reply =
        api === 'coscene'
          ? handleCoscene(req, { data: coscene, credentials, nowMs, pageFault })
          : handleHuawei(req, { data: huawei, tokens, nowMs, pageFault: pageFault === 'endless-pages' ? undefined : pageFault });
    }
    if (api === 'huawei' && !reply.headers['x-request-id']) reply.headers['x-request-id'] = requestId;
    // The server's own clock, as real servers send it (clients compare it with theirs to explain a skew).
    reply.headers.date ??= new Date(nowMs).toUTCString();
    await send(res, reply, outcome?.kind === 'slow-body' ? outcome.ms : 0);
  }

  function record(req: FakeRequest, api: FakeApi, procedure: string | undefined): void {
    const headers: Record<string, string> = {};
    for (const [name, values] of Object.entries(req.headersDistinct)) headers[name] = values.join(', ');
    const shape = api === 'coscene' ? { body: summariseCosceneBody(req.body) } : { page: summariseHuaweiPage(req.query) };
    stats.requests.push({
      seq: ++seq,
      method: req.method,
      path: req.path,
      query: req.rawQuery,
      api,
      procedure,
      headers,
      ...shape,
      timeMs: now(),
    });
    if (stats.requests.length > MAX_RECORDED_REQUESTS) stats.requests.splice(0, stats.requests.length - MAX_RECORDED_REQUESTS);
  }

  function control(req: FakeRequest): FakeReply {
    const route = `${req.method} ${req.path}`;
    if (route === 'GET /__fake/requests') return jsonReply(200, { requests: stats.requests });
    if (route === 'POST /__fake/reset') {
      restore(coscene, seeded);
      faults.clear();
      stats.requests.length = 0;
      credentials.reset();
      return jsonReply(200, { ok: true });
    }
    if (route === 'POST /__fake/faults') {
      try {
        const parsed: unknown = JSON.parse(req.body.toString('utf8'));
        const specs = (Array.isArray(parsed) ? parsed : [parsed]).map(parseFaultSpec);
        specs.forEach((s) => faults.add(s));
        return jsonReply(200, { ok: true, added: specs.length });
      } catch (err) {
        return jsonReply(400, { error: (err as Error).message });
      }
    }
    const json = () => JSON.parse(req.body.toString('utf8')) as unknown;
    if (route === 'POST /__fake/coscene/users') {
      const { status, body } = controlReply(() => changeUsers(coscene, json(), seeded.users.length, now()));
      return jsonReply(status, body);
    }
    if (route === 'POST /__fake/coscene/memberships') {
      const { status, body } = controlReply(() => changeMembership(coscene, json()));
      return jsonReply(status, body);
    }
    return jsonReply(404, {
      error: `unknown control endpoint ${route}; use POST /__fake/faults, POST /__fake/reset, GET /__fake/requests, POST /__fake/coscene/users, POST /__fake/coscene/memberships`,
    });
  }

  async function send(res: ServerResponse, reply: FakeReply, dripMs: number): Promise<void> {
    if (res.destroyed) return;
    const body = Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body, 'utf8');
    res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
    if (dripMs <= 0 || body.length === 0) return void res.end(body);
    const chunks = Math.min(10, body.length);
    const size = Math.ceil(body.length / chunks);
    for (let i = 0; i < chunks && !res.destroyed; i++) {
      res.write(body.subarray(i * size, (i + 1) * size));
      await sleep(dripMs / chunks);
    }
    if (!res.destroyed) res.end();
  }

  const server: Server = createServer((incoming, res) => {
    readRequest(incoming)
      .then((req) => (req ? serve(req, res) : send(res, jsonReply(413, { error: 'request body too large' }), 0)))
      .catch(() => {
        if (!res.headersSent) send(res, jsonReply(500, { error: 'fake server failure' }), 0).catch(() => undefined);
      });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      clearTimeout(lifetime);
      timers.forEach((t) => clearTimeout(t));
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  const lifetime = setTimeout(() => void close(), opts.maxLifetimeMs ?? DEFAULT_LIFETIME_MS);
  lifetime.unref();

  return { url: `http://127.0.0.1:${port}`, port, faults, stats, coscene, huawei, close };
}

/** Reads the whole request; undefined when the body exceeds MAX_BODY_BYTES. */
async function readRequest(incoming: IncomingMessage): Promise<FakeRequest | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  const rawUrl = incoming.url ?? '/';
  const q = rawUrl.indexOf('?');
  const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
  return {
    method: incoming.method ?? 'GET',
    path: q < 0 ? rawUrl : rawUrl.slice(0, q),
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers: incoming.headers,
    headersDistinct: incoming.headersDistinct as Record<string, string[]>,
    body: Buffer.concat(chunks),
  };
}
