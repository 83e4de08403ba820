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
  /** From a Retry-After header on an error answer (capped). */
  retryAfterMs?: number;
}

/** Budget of one attempt when the caller sets none (the default of coscene.http.timeoutSeconds). */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000;
/**
 * Budget of a whole call, retries and waits included, so a hung or failing server cannot hold a view for minutes
 * (4 attempts of 30 s plus backoff would be ~2 minutes). Never shorter than one attempt's budget.
 */
export const CALL_BUDGET_MS = 60_000;
/** Least time worth giving a retry; less than this left in the budget ends the call. */
const MIN_ATTEMPT_MS = 250;

export interface TransportOptions {
  endpoint: string;
  token: string;
  profileName: string;
  http: HttpClient;
  /** Budget per attempt; also sent to the server as Connect-Timeout-Ms. */
  timeoutMs?: number;
  /** Budget of the whole call, retries included (default CALL_BUDGET_MS, at least `timeoutMs`). */
  totalTimeoutMs?: number;
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

  const attemptMs = opts.timeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  const budgetMs = Math.max(opts.totalTimeoutMs ?? CALL_BUDGET_MS, attemptMs);

  async function attempt(
    procedure: string,
    url: string,
    body: string,
    n: number,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const started = performance.now();
    const report = (status?: number, error?: string, retryAfterMs?: number) =>
      opts.onRequest?.({
        procedure,
        status,
        durationMs: performance.now() - started,
        attempt: n,
        ...(error ? { error } : {}),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    let res: HttpResponse;
    try {
      const timed = { ...headers, 'Connect-Timeout-Ms': String(serverDeadlineMs(timeoutMs)) };
      res = await opts.http.request({ method: 'POST', url, headers: timed, body, timeoutMs, signal });
    } catch (err) {
      report(undefined, err instanceof NetworkError ? err.kind : 'failed');
      throw err;
    }
    if (res.status !== 200) {
      const retryAfterMs = parseRetryAfter(res.headers['retry-after'], now());
      const error = errorFromResponse(res.status, res.body, { procedure, profileName: opts.profileName, origin, retryAfterMs });
      report(res.status, error.code, retryAfterMs);
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
        msg(
          'The server at {0} sent an answer to {1} that is not JSON. Check the endpoint of profile {2}.',
          origin,
          procedure,
          opts.profileName,
        ),
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
      const endsAt = performance.now() + budgetMs;
      const overBudget = (err: unknown) =>
        err instanceof NetworkError && err.kind === 'timeout'
          ? new NetworkError(
              'timeout',
              msg(
                'The server at {0} did not answer {1} in time; the call was stopped to keep it, retries included, within {2} s. Try again later.',
                origin,
                procedure,
                Math.round(budgetMs / 100) / 10,
              ),
              err.detail,
              { cause: err },
            )
          : err;
      for (let retry = 0; ; retry++) {
        if (signal?.aborted) throw cancelled();
        const timeoutMs = Math.min(attemptMs, endsAt - performance.now());
        try {
          return await attempt(procedure, url, payload, retry + 1, timeoutMs, signal);
        } catch (err) {
          if (signal?.aborted) throw cancelled();
          if (retry >= RETRY_POLICY.maxRetries || !isRetryable(err)) throw timeoutMs < attemptMs ? overBudget(err) : err;
          const retryAfter = err instanceof CosceneApiError ? err.retryAfterMs : undefined;
          const delay = retryAfter ?? backoffDelayMs(retry, random);
          // Another attempt needs the wait plus some time to answer: stop now rather than send one doomed to time out.
          if (performance.now() + delay + MIN_ATTEMPT_MS > endsAt) throw overBudget(err);
          try {
            await sleep(delay, signal);
          } catch (sleepErr) {
            throw signal?.aborted ? cancelled() : sleepErr;
          }
        }
      }
    },
  };
}

/**
 * The deadline told to the server: a little shorter than our own, so that a server that honours it answers
 * deadline_exceeded (and keeps the connection) before our timer has to cut the socket.
 */
export function serverDeadlineMs(attemptMs: number): number {
  return Math.max(1, Math.floor(attemptMs - Math.min(1000, attemptMs * 0.1)));
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
