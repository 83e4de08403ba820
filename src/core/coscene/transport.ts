import { msg } from '../errors';
import { NetworkError } from '../http/networkError';
import type { HttpClient, HttpResponse } from '../http/types';
import { normalizeEndpoint } from '../profiles/endpoint';
import { redact, registerSecret } from '../redact';
import { CosceneApiError, errorFromResponse, InvalidResponseError } from './apiErrors';
import { authHeaders } from './auth';
import { backoffDelayMs, isRetryable, parseRetryAfter, RETRY_POLICY } from './retry';

/**
 * Connect unary JSON (docs/protocol.md). Whether the real host accepts Connect JSON is unconfirmed, so the
 * package prefix, path and headers live here only; a REST or gRPC transport can replace this module.
 */
export const SERVICE_PACKAGE = 'coscene.openapi.dataplatform.v1alpha1.services';

export function procedureUrl(endpoint: string, service: string, method: string): string {
  return `${normalizeEndpoint(endpoint)}/${SERVICE_PACKAGE}.${service}/${method}`;
}

/** One attempt, for the debug log. Never carries headers or bodies. */
export interface RequestEvent {
  /** e.g. `UserService/ListUsers` */
  procedure: string;
  /** HTTP status; undefined when no answer arrived. */
  status?: number;
  durationMs: number;
  /** 1-based. */
  attempt: number;
  /** Connect code, or the network failure kind ('timeout', 'connect', …). */
  error?: string;
}

export interface TransportOptions {
  endpoint: string;
  token: string;
  profileName: string;
  http: HttpClient;
  /** Budget per attempt. */
  timeoutMs?: number;
  onRequest?: (e: RequestEvent) => void;
  /** Injected for tests; must reject with an AbortError when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface Transport {
  /** Sends one call (with retries) and returns the parsed JSON answer. */
  call(service: string, method: string, body: object, signal?: AbortSignal): Promise<unknown>;
}

export function createTransport(opts: TransportOptions): Transport {
  registerSecret(opts.token);
  const origin = safeOrigin(opts.endpoint);
  const headers = {
    'Content-Type': 'application/json',
    'Connect-Protocol-Version': '1',
    ...authHeaders(opts.token),
  };
  const sleep = opts.sleep ?? abortableSleep;
  const random = opts.random ?? Math.random;
  const now = opts.now ?? Date.now;
  const cancelled = () => new NetworkError('aborted', msg('The request to {0} was cancelled.', origin));

  async function attempt(procedure: string, url: string, body: string, n: number, signal?: AbortSignal): Promise<unknown> {
    const started = performance.now();
    const report = (status?: number, error?: string) =>
      opts.onRequest?.({ procedure, status, durationMs: performance.now() - started, attempt: n, ...(error ? { error } : {}) });
    let res: HttpResponse;
    try {
      res = await opts.http.request({ method: 'POST', url, headers, body, timeoutMs: opts.timeoutMs, signal });
    } catch (err) {
      report(undefined, err instanceof NetworkError ? err.kind : 'failed');
      throw err;
    }
    if (res.status !== 200) {
      const retryAfterMs = parseRetryAfter(res.headers['retry-after'], now());
      const error = errorFromResponse(res.status, res.body, { procedure, profileName: opts.profileName, origin, retryAfterMs });
      report(res.status, error.code);
      throw error;
    }
    try {
      const parsed: unknown = JSON.parse(res.body);
      report(res.status);
      return parsed;
    } catch {
      report(res.status, 'invalid_response');
      throw new InvalidResponseError(
        procedure,
        msg('The server at {0} sent an answer to {1} that is not JSON. Check the endpoint of profile {2}.', origin, procedure, opts.profileName),
        // Redact before cutting: a secret straddling the cut would otherwise leak its beginning.
        redact(`HTTP 200, content-type ${res.headers['content-type'] ?? '(none)'}: ${redact(res.body.slice(0, 400)).slice(0, 200)}`),
      );
    }
  }

  return {
    async call(service, method, body, signal) {
      const procedure = `${service}/${method}`;
      const url = procedureUrl(opts.endpoint, service, method);
      const payload = JSON.stringify(body);
      for (let retry = 0; ; retry++) {
        if (signal?.aborted) throw cancelled();
        try {
          return await attempt(procedure, url, payload, retry + 1, signal);
        } catch (err) {
          if (signal?.aborted) throw cancelled();
          if (retry >= RETRY_POLICY.maxRetries || !isRetryable(err)) throw err;
          const retryAfter = err instanceof CosceneApiError ? err.retryAfterMs : undefined;
          try {
            await sleep(retryAfter ?? backoffDelayMs(retry, random), signal);
          } catch (sleepErr) {
            throw signal?.aborted ? cancelled() : sleepErr;
          }
        }
      }
    },
  };
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(Object.assign(new Error('Cancelled'), { name: 'AbortError' }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}

function safeOrigin(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    return endpoint;
  }
}
