import { readFileSync } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import { AccessError, msg } from '../errors';
import { registerSecret } from '../redact';
import { NetworkError, toNetworkError, tooLargeError } from './networkError';
import { selectProxy } from './proxy';
import type { HttpClient, HttpClientOptions, HttpRequest, HttpResponse } from './types';

export const DEFAULTS = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
  requestTimeoutMs: 60_000,
  /** No answer of these APIs comes near this (a page of 100 users is ~50 KB); more is a proxy or server fault. */
  maxBodyBytes: 8 * 1024 * 1024,
  keepAliveTimeoutMs: 30_000,
  userAgent: 'coscene-access',
} as const;

/** What the client asks for and can read; the body limit applies to the decoded size. */
export const ACCEPT_ENCODING = 'gzip, br';
/** A Map, not an object: the server names the key, and `constructor` or `__proto__` must find nothing. */
const DECODERS = new Map<string, () => NodeJS.ReadWriteStream>([
  ['gzip', createGunzip],
  ['x-gzip', createGunzip],
  ['br', createBrotliDecompress],
  ['deflate', createInflate],
]);

/** HttpClient over undici: one keep-alive Agent per client, proxies per target, extra CAs, timeouts and a body limit. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs;
  const headersTimeoutMs = options.headersTimeoutMs ?? DEFAULTS.headersTimeoutMs;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULTS.bodyTimeoutMs;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const env = options.env ?? process.env;
  const userAgent = options.userAgent ?? DEFAULTS.userAgent;
  const tls = options.caFile ? { ca: [...rootCertificates, readCaFile(options.caFile)] } : {};
  // http.proxyStrictSSL=false is about proxies (a TLS-inspecting corporate proxy re-signs what passes through it):
  // it relaxes only connections that go through a proxy. Direct connections are always verified.
  const proxyTls = options.proxy?.strictSSL === false ? { ...tls, rejectUnauthorized: false } : tls;
  if (options.proxy?.strictSSL === false) {
    options.onWarning?.(
      msg(
        'http.proxyStrictSSL is off: certificates are not checked on connections through a proxy (direct connections still are). To trust a proxy or private CA safely, turn it back on and set coscene.http.caFile to its CA certificate.',
      ),
    );
  }
  const timeouts = { headersTimeout: headersTimeoutMs, bodyTimeout: bodyTimeoutMs, keepAliveTimeout: DEFAULTS.keepAliveTimeoutMs };
  // allowH2: an HTTPS host that speaks only HTTP/2 (a gRPC gateway) is reached through ALPN; HTTP/1.1 stays the fallback.
  const direct = new Agent({ ...timeouts, allowH2: true, connect: { timeout: connectTimeoutMs, ...tls } });
  const proxies = new Map<string, ProxyAgent>();

  const dispatcherFor = (proxy: string | undefined): Dispatcher => {
    if (!proxy) return direct;
    let agent = proxies.get(proxy);
    if (!agent) {
      const password = safeUrl(proxy)?.password;
      if (password) registerSecret(decodeURIComponent(password));
      // allowH2 on the tunnelled TLS too: an h2-only host is reachable through a CONNECT proxy as well.
      agent = new ProxyAgent({
        ...timeouts,
        allowH2: true,
        connect: { timeout: connectTimeoutMs, ...proxyTls },
        uri: proxy,
        requestTls: { ...proxyTls, allowH2: true },
        proxyTls,
      });
      proxies.set(proxy, agent);
    }
    return agent;
  };

  return {
    async request(req: HttpRequest): Promise<HttpResponse> {
      const target = new URL(req.url);
      const proxy = selectProxy(target, options.proxy, env);
      const timeoutMs = req.timeoutMs ?? options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs;
      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
      const failure = (err: unknown, readingBody = false) =>
        toNetworkError(err, {
          origin: target.origin,
          timeoutMs,
          connectTimeoutMs,
          headersTimeoutMs,
          bodyTimeoutMs,
          proxy,
          callerAborted: req.signal?.aborted === true,
          deadlineExpired: deadline.aborted,
          readingBody,
        });
      if (req.signal?.aborted) throw failure(req.signal.reason);

      let res: Dispatcher.ResponseData;
      const headers = withDefaults(req.headers, { 'User-Agent': userAgent, 'Accept-Encoding': ACCEPT_ENCODING });
      try {
        res = await request(target, { method: req.method, headers, body: req.body, signal, dispatcher: dispatcherFor(proxy) });
      } catch (err) {
        throw failure(err);
      }
      const answerHeaders = flattenHeaders(res.headers);
      try {
        const body = await readBody(res.body, answerHeaders, maxBodyBytes, target.origin);
        if (body === undefined) throw tooLargeError(target.origin, maxBodyBytes);
        return { status: res.statusCode, headers: answerHeaders, body };
      } catch (err) {
        throw failure(err, true);
      }
    },
    async close() {
      await Promise.all([direct.close(), ...[...proxies.values()].map((p) => p.close())]);
    },
  };
}

/**
 * Reads the body as UTF-8, decompressing gzip/br/deflate as it streams; undefined (and the connection dropped) as
 * soon as either the bytes received or the bytes decoded exceed `max`, so a small compressed bomb cannot fill memory.
 */
async function readBody(body: Readable, headers: Record<string, string>, max: number, origin: string): Promise<string | undefined> {
  const discard = (...streams: NodeJS.ReadableStream[]) => {
    for (const s of [body, ...streams] as Readable[]) {
      s.on('error', () => undefined); // destroy() emits an AbortError nobody else listens for
      s.destroy();
    }
    return undefined;
  };
  if (Number(headers['content-length'] ?? NaN) > max) return discard();
  const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  let decoded: Readable = body;
  let decoder: NodeJS.ReadWriteStream | undefined;
  if (encoding && encoding !== 'identity') {
    const make = DECODERS.get(encoding);
    if (!make) {
      discard();
      throw new NetworkError(
        'other',
        msg('The answer from {0} is compressed as "{1}", which the extension cannot read.', origin, encoding.slice(0, 40)),
      );
    }
    decoder = make();
    decoded = pipeline(body, decoder, () => undefined) as unknown as Readable;
  }
  let received = 0;
  let receivedTooMuch = false;
  if (decoder) {
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > max && !receivedTooMuch) {
        receivedTooMuch = true;
        discard(decoded);
      }
    });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of decoded) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > max) return discard(decoded);
      chunks.push(buf);
    }
  } catch (err) {
    if (receivedTooMuch) return undefined;
    const code = (err as { code?: unknown }).code;
    if (decoder && typeof code === 'string' && /^(Z_|ERR_BROTLI|ERR_ZLIB)/.test(code)) {
      throw new NetworkError(
        'other',
        msg('The answer from {0} says it is compressed as "{1}" but could not be decompressed.', origin, encoding),
        code,
      );
    }
    throw err;
  }
  return receivedTooMuch ? undefined : Buffer.concat(chunks).toString('utf8');
}

/** The caller's headers plus each default whose name (any case) the caller did not set. */
function withDefaults(headers: Record<string, string>, defaults: Record<string, string>): Record<string, string> {
  const set = new Set(Object.keys(headers).map((k) => k.toLowerCase()));
  const out = { ...headers };
  for (const [k, v] of Object.entries(defaults)) if (!set.has(k.toLowerCase())) out[k] = v;
  return out;
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}

function readCaFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new AccessError(
      msg('Could not read the CA file {0} ({1}). Check the coscene.http.caFile setting.', file, reason),
      ['showLogs'],
      undefined,
      { cause: err },
    );
  }
}

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}
