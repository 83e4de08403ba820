import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import { AccessError, msg } from '../errors';
import { registerSecret } from '../redact';
import { toNetworkError, tooLargeError } from './networkError';
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
} as const;

/** HttpClient over undici: one keep-alive Agent per client, proxies per target, extra CAs, timeouts and a body limit. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs;
  const headersTimeoutMs = options.headersTimeoutMs ?? DEFAULTS.headersTimeoutMs;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULTS.bodyTimeoutMs;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const env = options.env ?? process.env;
  const tls = {
    ...(options.proxy?.strictSSL === false ? { rejectUnauthorized: false } : {}),
    ...(options.caFile ? { ca: [...rootCertificates, readCaFile(options.caFile)] } : {}),
  };
  const agentOptions = { connect: { timeout: connectTimeoutMs, ...tls }, headersTimeout: headersTimeoutMs, bodyTimeout: bodyTimeoutMs, keepAliveTimeout: DEFAULTS.keepAliveTimeoutMs };
  const direct = new Agent(agentOptions);
  const proxies = new Map<string, ProxyAgent>();

  const dispatcherFor = (proxy: string | undefined): Dispatcher => {
    if (!proxy) return direct;
    let agent = proxies.get(proxy);
    if (!agent) {
      const password = safeUrl(proxy)?.password;
      if (password) registerSecret(decodeURIComponent(password));
      agent = new ProxyAgent({ ...agentOptions, uri: proxy, requestTls: tls, proxyTls: tls });
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
          origin: target.origin, timeoutMs, connectTimeoutMs, headersTimeoutMs, bodyTimeoutMs, proxy,
          callerAborted: req.signal?.aborted === true, deadlineExpired: deadline.aborted, readingBody,
        });
      if (req.signal?.aborted) throw failure(req.signal.reason);

      let res: Dispatcher.ResponseData;
      try {
        res = await request(target, { method: req.method, headers: req.headers, body: req.body, signal, dispatcher: dispatcherFor(proxy) });
      } catch (err) {
        throw failure(err);
      }
      const headers = flattenHeaders(res.headers);
      try {
        const body = await readLimited(res.body, maxBodyBytes, Number(headers['content-length'] ?? NaN));
        if (body === undefined) throw tooLargeError(target.origin, maxBodyBytes);
        return { status: res.statusCode, headers, body };
      } catch (err) {
        throw failure(err, true);
      }
    },
    async close() {
      await Promise.all([direct.close(), ...[...proxies.values()].map((p) => p.close())]);
    },
  };
}

/** Reads the body as UTF-8; undefined (and the connection dropped) as soon as it exceeds `max` bytes. */
async function readLimited(body: Dispatcher.ResponseData['body'], max: number, contentLength: number): Promise<string | undefined> {
  const discard = () => {
    body.on('error', () => undefined); // destroy() emits an AbortError nobody else listens for
    body.destroy();
    return undefined;
  };
  if (contentLength > max) return discard();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > max) return discard();
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
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
    throw new AccessError(msg('Could not read the CA file {0} ({1}). Check the coscene.http.caFile setting.', file, reason), ['showLogs'], undefined, { cause: err });
  }
}

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}
