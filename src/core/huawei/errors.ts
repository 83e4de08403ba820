/** Huawei Cloud error responses → HuaweiApiError (docs/protocol.md; codes are matched by suffix, several are unconfirmed). */
import { AccessError, ErrorAction, Msg, msg } from '../errors';
import type { HttpResponse } from '../http/types';
import { redact } from '../redact';
import { isRecord } from '../json';
import { clockOffset, clockSkewMessage, MAX_SKEW_MS } from './clockSkew';

export type HuaweiErrorKind =
  'noPermission' | 'forbidden' | 'authFailed' | 'tokenExpired' | 'clockSkew' | 'throttled' | 'notFound' | 'serverError' | 'requestFailed';

export interface HuaweiErrorInfo {
  kind: HuaweiErrorKind;
  httpStatus: number;
  /** The server's code (e.g. `DEV.CR.4102`, `APIGW.0301`), or the HTTP status when the body has none. */
  errorCode: string;
  /** Server message, or a summary of the raw body; redacted and truncated. */
  errorMsg: string;
  traceId?: string;
  requestId?: string;
  /** From Retry-After, when the server sent one. */
  retryAfterMs?: number;
  /** Server clock minus local clock, from the `Date` header, when it could be read. */
  clockOffsetMs?: number;
}

export class HuaweiApiError extends AccessError {
  readonly kind: HuaweiErrorKind;
  readonly httpStatus: number;
  readonly errorCode: string;
  readonly errorMsg: string;
  readonly traceId?: string;
  readonly requestId?: string;
  readonly retryAfterMs?: number;
  readonly clockOffsetMs?: number;

  constructor(info: HuaweiErrorInfo, userMessage: Msg, actions: readonly ErrorAction[], detail?: string) {
    super(userMessage, actions, detail);
    this.kind = info.kind;
    this.httpStatus = info.httpStatus;
    this.errorCode = info.errorCode;
    this.errorMsg = info.errorMsg;
    this.traceId = info.traceId;
    this.requestId = info.requestId;
    this.retryAfterMs = info.retryAfterMs;
    this.clockOffsetMs = info.clockOffsetMs;
  }

  /** Worth repeating unchanged: throttling and server-side failures. */
  get retryable(): boolean {
    return this.kind === 'throttled' || this.kind === 'serverError';
  }
}

const MAX_SHOWN_MESSAGE = 200;
const MAX_LOGGED_BODY = 1000;
/** Only this much of a body is summarised (the summary keeps at most MAX_LOGGED_BODY characters anyway). */
const SUMMARY_INPUT_LIMIT = 64 * 1024;

/**
 * Parses the JSON body of a response; throws HuaweiApiError for HTTP >= 400 and for `status: "error"` in a 2xx.
 * `now` is the local clock when the answer arrived (compared with the server's `Date` to explain a clock skew).
 */
export function parseHuaweiResponse(res: HttpResponse, now: number = Date.now()): unknown {
  if (res.status >= 400) throw parseHuaweiError(res.status, res.headers, res.body, now);
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    throw notJsonResponse(res);
  }
  if (isRecord(json) && json.status === 'error') throw parseHuaweiError(res.status, res.headers, res.body, now);
  return json;
}

export function unreadableResponse(res: HttpResponse): AccessError {
  return new AccessError(
    msg('Huawei Cloud returned a response that could not be read (HTTP {0}).', res.status),
    ['retry', 'showLogs'],
    `body: ${summarize(res.body, MAX_LOGGED_BODY)}`,
  );
}

/** A 2xx answer that does not parse as JSON: an HTML page (a proxy, a login portal) or a broken body. */
function notJsonResponse(res: HttpResponse): AccessError {
  const detail = `body: ${summarize(res.body, MAX_LOGGED_BODY)}`;
  const userMessage = isHtml(res.body)
    ? htmlPageMessage(summarize(res.body, MAX_SHOWN_MESSAGE), res.status)
    : msg('Huawei Cloud returned an answer that is not valid JSON (HTTP {0}). Try again; if it persists, show the logs.', res.status);
  return new AccessError(userMessage, ['retry', 'showLogs'], detail);
}

function htmlPageMessage(title: string, status: number): Msg {
  return title
    ? msg(
        'Huawei Cloud (or a proxy on the way) answered with an HTML page instead of JSON: {0} (HTTP {1}). Try again later.',
        title,
        status,
      )
    : msg('Huawei Cloud (or a proxy on the way) answered with an HTML page instead of JSON (HTTP {0}). Try again later.', status);
}

function isHtml(body: string): boolean {
  return /^\s*<(!doctype\s+html|html|head|body)\b/i.test(body.slice(0, SUMMARY_INPUT_LIMIT));
}

export function parseHuaweiError(status: number, headers: Record<string, string>, body: string, now: number = Date.now()): HuaweiApiError {
  let json: unknown;
  try {
    // An error envelope is a few hundred bytes; megabytes of JSON are not worth parsing for a summary.
    json = body.length <= SUMMARY_INPUT_LIMIT ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  const found = findCodeAndMessage(json, 0);
  const errorCode = clipId(found?.code) || String(status);
  const errorMsg = summarize(found?.message || body, MAX_SHOWN_MESSAGE);
  const clockOffsetMs = clockOffset(headers.date, now);
  const info: HuaweiErrorInfo = {
    kind: classify(status, errorCode, errorMsg, clockOffsetMs),
    httpStatus: status,
    errorCode,
    errorMsg,
    traceId: clipId(stringField(json, 'trace_id') ?? stringField(json, 'traceId')) || undefined,
    requestId: clipId(headers['x-request-id'] || stringField(json, 'request_id')) || undefined,
    retryAfterMs: parseRetryAfter(headers['retry-after'], now),
    clockOffsetMs,
  };
  const ids = [info.traceId, info.requestId].filter(Boolean).join(' / ') || '-';
  const detail = `HTTP ${status} ${errorCode} trace_id=${info.traceId ?? '-'} X-Request-Id=${info.requestId ?? '-'} body: ${summarize(body, MAX_LOGGED_BODY)}`;
  const [userMessage, actions] = describe(info, ids, now);
  if (json === undefined && isHtml(body) && info.kind === 'serverError') {
    return new HuaweiApiError(info, htmlPageMessage(errorMsg, status), ['retry', 'showLogs'], detail);
  }
  return new HuaweiApiError(info, userMessage, actions, detail);
}

function describe(info: HuaweiErrorInfo, ids: string, now: number): [Msg, ErrorAction[]] {
  const code = info.errorCode;
  switch (info.kind) {
    case 'noPermission':
      return [
        msg('You have no permission on this CodeArts project. Ask the project administrator for access. (code {0}, trace {1})', code, ids),
        ['showLogs'],
      ];
    case 'forbidden':
      return [msg('Huawei Cloud denied access: {0} (code {1}, trace {2})', info.errorMsg, code, ids), ['showLogs']];
    case 'clockSkew':
      return [clockSkewMessage(info, ids, now), ['retry', 'showLogs']];
    case 'tokenExpired':
      return [msg('Your Huawei Cloud sign-in has expired. Sign in again. (code {0}, trace {1})', code, ids), ['signIn']];
    case 'authFailed':
      return [
        msg('Huawei Cloud did not accept your credentials. Sign in again or check the AK/SK. (code {0}, trace {1})', code, ids),
        ['signIn', 'showLogs'],
      ];
    case 'throttled':
      return [msg('Huawei Cloud is limiting the request rate. Wait a moment, then try again. (code {0}, trace {1})', code, ids), ['retry']];
    case 'notFound':
      return [
        msg('The API or repository was not found. Check the endpoint, the region and the repository ID. (code {0}, trace {1})', code, ids),
        ['openHuaweiSettings', 'showLogs'],
      ];
    case 'serverError':
      if (info.httpStatus === 502 || info.httpStatus === 503 || info.httpStatus === 504) {
        return [
          msg(
            'The Huawei Cloud service is temporarily unavailable (HTTP {0}). Try again later. (code {1}, trace {2})',
            info.httpStatus,
            code,
            ids,
          ),
          ['retry', 'showLogs'],
        ];
      }
      return [msg('The Huawei Cloud service reported an error. Try again later. (code {0}, trace {1})', code, ids), ['retry', 'showLogs']];
    case 'requestFailed':
      return [msg('Huawei Cloud request failed: {0} (code {1}, trace {2})', info.errorMsg, code, ids), ['showLogs']];
  }
}

const TOKEN_EXPIRED = /token[^.]{0,30}(expire|must be updated)/i;
const CLOCK_SKEW = /skew|clock|time|x-sdk-date|\bdate\b/i;
/** What the gateway says for a skewed clock too (Huawei's signing FAQ): only the `Date` header tells the two apart. */
const SIGNATURE_FAILED = /verify aksk signature fail/i;
function classify(status: number, code: string, message: string, clockOffsetMs: number | undefined): HuaweiErrorKind {
  const hasCode = (suffix: string): boolean => new RegExp(`(^|\\.)${suffix.replace(/\./g, '\\.')}$`, 'i').test(code);
  if (hasCode('CR.4102')) return 'noPermission';
  if (hasCode('APIGW.0301') || hasCode('APIG.0301') || status === 401) {
    if (TOKEN_EXPIRED.test(message)) return 'tokenExpired';
    const skewed = clockOffsetMs !== undefined && Math.abs(clockOffsetMs) > MAX_SKEW_MS;
    if (CLOCK_SKEW.test(message) || (SIGNATURE_FAILED.test(message) && skewed)) return 'clockSkew';
    return 'authFailed';
  }
  if (hasCode('APIGW.0308') || hasCode('APIG.0308') || status === 429) return 'throttled';
  if (hasCode('APIGW.0101') || hasCode('APIG.0101') || status === 404) return 'notFound';
  if (hasCode('CR.5000') || status >= 500) return 'serverError';
  if (status === 403) return 'forbidden';
  return 'requestFailed';
}

/** The SDKs' lookup order: error_code/error_msg, errorCode/errorMsg, code/message, then nested objects. */
function findCodeAndMessage(value: unknown, depth: number): { code: string; message: string } | undefined {
  if (!isRecord(value) || depth > 3) return undefined;
  for (const [codeKey, messageKey] of [
    ['error_code', 'error_msg'],
    ['errorCode', 'errorMsg'],
    ['code', 'message'],
  ]) {
    const code = scalar(value[codeKey]);
    const message = scalar(value[messageKey]);
    if (code || message) return { code, message };
  }
  for (const nested of Object.values(value)) {
    const found = findCodeAndMessage(nested, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Math.min(Number(value) * 1000, Number.MAX_SAFE_INTEGER); // finite, even for 400 digits
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** One line of readable, redacted text: HTML is reduced to its title or text, whitespace collapsed, length capped. */
function summarize(text: string, max: number): string {
  // Bounded input, and tag patterns that cannot rescan the rest of the body from every '<' (with `<[^>]*>` and
  // a lazy `<script[\s\S]*?<\/script>`, a body of unclosed tags took quadratic time: 16 KB of '<' ≈ 0.3 s, 1 MB ≈ minutes).
  let plain = text.length > SUMMARY_INPUT_LIMIT ? text.slice(0, SUMMARY_INPUT_LIMIT) : text;
  if (/^\s*</.test(plain)) {
    const title = /<title[^<>]*>([^<]*)<\/title>/i.exec(plain)?.[1];
    plain =
      title?.trim() ||
      plain
        .replace(/<script(?:[^<]|<(?!\/script>|script))*<\/script>|<style(?:[^<]|<(?!\/style>|style))*<\/style>/gi, ' ')
        .replace(/<[^<>]*>/g, ' ');
  }
  plain = redact(plain.replace(/\s+/g, ' ').trim());
  return plain.length > max ? `${plain.slice(0, max)}…` : plain;
}

const MAX_ID = 100;

/** Codes and ids go into the user message: one line, redacted, at most MAX_ID characters (a body can hold megabytes). */
function clipId(id: string | undefined): string {
  if (!id) return '';
  const line = redact(
    id
      .slice(0, 4 * MAX_ID)
      .replace(/[\s\p{Cc}]+/gu, ' ')
      .trim(),
  );
  return line.length > MAX_ID ? `${line.slice(0, MAX_ID)}…` : line;
}

function scalar(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

function stringField(json: unknown, key: string): string | undefined {
  return isRecord(json) ? scalar(json[key]) || undefined : undefined;
}
