import { AccessError, msg, type Msg } from '../errors';
import { redact } from '../redact';
import { displayProxy } from './proxy';

export type NetworkErrorKind = 'timeout' | 'connect' | 'reset' | 'tls' | 'dns' | 'aborted' | 'too-large' | 'other';

/** A request that never produced an HTTP response (or whose body could not be read). */
export class NetworkError extends AccessError {
  constructor(
    readonly kind: NetworkErrorKind,
    userMessage: Msg,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, kind === 'aborted' ? [] : ['retry', 'showLogs'], detail, options);
    // Adapters ignore cancellations by this name, the same one fetch and AbortController use.
    if (kind === 'aborted') this.name = 'AbortError';
  }

  /** Safe to send again: the server did not answer (refused, reset, timed out). */
  get retryable(): boolean {
    return this.kind === 'connect' || this.kind === 'reset' || this.kind === 'timeout';
  }
}

export interface FailureContext {
  /** Origin shown to the user, e.g. https://openapi.coscene.cn (no path, no credentials). */
  origin: string;
  /** The budget that ran out, for timeout messages. */
  timeoutMs: number;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  proxy?: string;
  callerAborted: boolean;
  deadlineExpired: boolean;
  /** The status line and headers had arrived; the body was being read. */
  readingBody?: boolean;
}

const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME|ALTNAME|EPROTO/;

/** Turns whatever undici/node threw into a NetworkError with a message the user can act on. */
export function toNetworkError(err: unknown, ctx: FailureContext): NetworkError {
  if (err instanceof NetworkError) return err;
  const seconds = (ms: number) => Math.round(ms / 100) / 10;
  const code = errorCode(err);
  const detail = redact(`${code ?? ''} ${describe(err)}`.trim());
  const make = (kind: NetworkErrorKind, m: Msg) => new NetworkError(kind, m, detail, { cause: err });
  const { origin } = ctx;

  if (ctx.callerAborted) return make('aborted', msg('The request to {0} was cancelled.', origin));
  if (ctx.deadlineExpired) {
    return ctx.readingBody
      ? make('timeout', msg('The server {0} started answering but did not finish within {1} s.', origin, seconds(ctx.timeoutMs)))
      : make('timeout', msg('The request to {0} timed out after {1} s.', origin, seconds(ctx.timeoutMs)));
  }
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return make('timeout', msg('Could not connect to {0}: no answer within {1} s.', origin, seconds(ctx.connectTimeoutMs)));
    case 'UND_ERR_HEADERS_TIMEOUT':
      return make('timeout', msg('The server {0} did not answer within {1} s.', origin, seconds(ctx.headersTimeoutMs)));
    case 'UND_ERR_BODY_TIMEOUT':
      return make('timeout', msg('The server {0} stopped sending its answer for {1} s.', origin, seconds(ctx.bodyTimeoutMs)));
    case 'ECONNREFUSED':
      return ctx.proxy
        ? make('connect', msg('Could not connect to the proxy {0}: connection refused.', displayProxy(ctx.proxy)))
        : make('connect', msg('Could not connect to {0}: connection refused.', origin));
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return make('connect', msg('Could not connect to {0}: the network is unreachable.', origin));
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return make('reset', msg('The connection to {0} was closed unexpectedly.', origin));
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return ctx.proxy
        ? make('dns', msg('Could not find the proxy host {0}. Check the proxy setting.', displayProxy(ctx.proxy)))
        : make('dns', msg('Could not find the host of {0}. Check the endpoint and your network.', origin));
  }
  if (code === 'ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL') {
    return make('tls', msg('The server at {0} accepts neither HTTP/2 nor HTTP/1.1 over TLS. Check the endpoint.', origin));
  }
  if (code && TLS_CODE.test(code)) {
    return make(
      'tls',
      msg('The TLS connection to {0} failed ({1}). If a proxy or private CA is in use, set coscene.http.caFile.', origin, code),
    );
  }
  if (answeredInHttp2(err)) {
    return make(
      'other',
      msg(
        'The server at {0} answered in HTTP/2 without TLS (h2c), which the extension does not speak over plain http. Use the https:// endpoint of the server.',
        origin,
      ),
    );
  }
  if (ctx.proxy && /proxy|tunnel/i.test(describe(err))) {
    return make('connect', msg('Could not reach {0} through the proxy {1}.', origin, displayProxy(ctx.proxy)));
  }
  return make('other', msg('The request to {0} failed: {1}', origin, redact(describe(err)).slice(0, 200)));
}

export function tooLargeError(origin: string, maxBytes: number): NetworkError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round((maxBytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(maxBytes / 1024)} KB`;
  return new NetworkError('too-large', msg('The answer from {0} is larger than {1} and was not read.', origin, size));
}

/** The first error code found on the error, its cause chain or an AggregateError's members (bounded depth). */
function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
    const inner = (current as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner.length > 0) {
      const innerCode = errorCode(inner[0]);
      if (innerCode) return innerCode;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** An HTTP/1.1 parse failure on bytes that start with an HTTP/2 SETTINGS frame: the server's h2c preface. */
function answeredInHttp2(err: unknown): boolean {
  if (!(err instanceof Error) || err.name !== 'HTTPParserError') return false;
  const data = (err as { data?: unknown }).data;
  return typeof data === 'string' && data.length >= 9 && data.charCodeAt(3) === 0x04;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
