import { AccessError, msg, type ErrorAction, type Msg } from '../errors';
import { redact } from '../redact';

export const CONNECT_CODES = [
  'canceled', 'unknown', 'invalid_argument', 'deadline_exceeded', 'not_found', 'already_exists', 'permission_denied',
  'resource_exhausted', 'failed_precondition', 'aborted', 'out_of_range', 'unimplemented', 'internal', 'unavailable',
  'data_loss', 'unauthenticated',
] as const;
export type ConnectCode = (typeof CONNECT_CODES)[number];

/** The server answered with an error (a Connect error body, or a bare HTTP error status). */
export class CosceneApiError extends AccessError {
  constructor(
    readonly code: ConnectCode,
    readonly httpStatus: number,
    /** e.g. `UserService/ListUsers` */
    readonly procedure: string,
    /** The server's own message, redacted; '' when it sent none. */
    readonly serverMessage: string,
    userMessage: Msg,
    actions: readonly ErrorAction[],
    detail?: string,
    /** From a Retry-After header, already capped. */
    readonly retryAfterMs?: number,
  ) {
    super(userMessage, actions, detail);
  }
}

/** A 200 answer the client cannot use: not JSON, or JSON of the wrong shape. */
export class InvalidResponseError extends AccessError {
  constructor(readonly procedure: string, userMessage: Msg, detail?: string) {
    super(userMessage, ['showLogs'], detail);
  }
}

export interface ErrorContext {
  procedure: string;
  profileName: string;
  /** Origin of the endpoint, for messages. */
  origin: string;
  retryAfterMs?: number;
}

const RETRY_AND_LOGS: ErrorAction[] = ['retry', 'showLogs'];
const LOGS: ErrorAction[] = ['showLogs'];

/** Maps a non-200 answer to a CosceneApiError whose message tells the user what happened and what to do. */
export function errorFromResponse(status: number, body: string, ctx: ErrorContext): CosceneApiError {
  const parsed = parseConnectError(body);
  const code = parsed?.code ?? codeFromHttpStatus(status);
  const serverMessage = parsed ? cleanServerMessage(parsed.message) : '';
  const detail = parsed
    ? redact(`HTTP ${status} ${code}: ${serverMessage}`)
    // Redact before cutting: a secret straddling the cut would otherwise leak its beginning.
    : redact(`HTTP ${status}, not a Connect error body: ${redact(body.slice(0, 400)).slice(0, 200)}`);
  const make = (m: Msg, actions: ErrorAction[]) =>
    new CosceneApiError(code, status, ctx.procedure, serverMessage, m, actions, detail, ctx.retryAfterMs);
  const { procedure, profileName, origin } = ctx;
  const said = serverMessage || `HTTP ${status}`;
  const page = parsed ? undefined : htmlPageTitle(body);
  if (page !== undefined && status >= 500) {
    // A proxy or gateway answered for the server: say so, rather than blame the coScene server or the endpoint.
    return make(
      msg('The server at {0} answered {1} with an HTML page ({2}) instead of a coScene answer; a proxy or gateway on the way may be failing. Try again later, or check the endpoint of profile {3}.', origin, procedure, page || `HTTP ${status}`, profileName),
      RETRY_AND_LOGS,
    );
  }

  switch (code) {
    case 'unauthenticated':
      return make(msg('The server rejected the token of profile {0}. Set a new token.', profileName), ['setToken', 'showLogs']);
    case 'unavailable':
      return make(msg('The coScene server at {0} is unavailable. Try again later.', origin), RETRY_AND_LOGS);
    case 'resource_exhausted':
      return make(msg('The server is limiting requests from profile {0}. Wait a moment and try again.', profileName), RETRY_AND_LOGS);
  }
  if (!parsed) {
    return make(msg('The server at {0} answered {1} with HTTP status {2} and no coScene error. Check the endpoint of profile {3}.', origin, procedure, status, profileName), LOGS);
  }
  switch (code) {
    case 'permission_denied': {
      const role = missingRole(serverMessage);
      return role
        ? make(msg('Profile {0} is not allowed to call {1}: it needs the role {2}.', profileName, procedure, role), LOGS)
        : make(msg('Profile {0} is not allowed to call {1}. Ask an organization admin for access.', profileName, procedure), LOGS);
    }
    case 'not_found':
      return make(msg('The server found nothing for {0}: {1}', procedure, said), LOGS);
    case 'invalid_argument':
    case 'failed_precondition':
    case 'out_of_range':
      return make(msg('The server refused the call {0}: {1}', procedure, said), LOGS);
    case 'already_exists':
      return make(msg('The call {0} failed because the item already exists: {1}', procedure, said), LOGS);
    case 'deadline_exceeded':
      return make(msg('The server took too long to answer {0}. Try again.', procedure), RETRY_AND_LOGS);
    case 'aborted':
      return make(msg('The server aborted {0} because of a conflict. Try again.', procedure), RETRY_AND_LOGS);
    case 'canceled':
      return make(msg('The server cancelled the call {0}. Try again.', procedure), RETRY_AND_LOGS);
    case 'unimplemented':
      return make(msg('The server at {0} does not support {1}. Check that the endpoint of profile {2} is a coScene OpenAPI endpoint.', origin, procedure, profileName), LOGS);
    default: // unknown, internal, data_loss
      return make(msg('The coScene server failed on {0}: {1}', procedure, said), RETRY_AND_LOGS);
  }
}

function parseConnectError(body: string): { code: ConnectCode; message: string } | undefined {
  if (body.length > ERROR_BODY_LIMIT) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { code, message } = value as { code?: unknown; message?: unknown };
  if (typeof code !== 'string') return undefined;
  const known = (CONNECT_CODES as readonly string[]).includes(code) ? (code as ConnectCode) : 'unknown';
  return { code: known, message: typeof message === 'string' ? message : '' };
}

/** connect-go's mapping for answers without a Connect body, except 429 which says more as resource_exhausted. */
export function codeFromHttpStatus(status: number): ConnectCode {
  switch (status) {
    case 400: return 'internal';
    case 401: return 'unauthenticated';
    case 403: return 'permission_denied';
    case 404: return 'unimplemented';
    case 429: return 'resource_exhausted';
    case 502: case 503: case 504: return 'unavailable';
    default: return 'unknown';
  }
}

const ROLE_CODE = /\b(?:ORGANIZATION|PROJECT)_[A-Z]+(?:_[A-Z]+)*\b/;

function missingRole(serverMessage: string): string | undefined {
  return ROLE_CODE.exec(serverMessage)?.[0];
}

/**
 * A Connect error body is a few hundred bytes; anything longer is a proxy's page or a hostile server. Error
 * summaries read at most this much of a body (the body limit is 8 MB), so they stay fast whatever it holds.
 */
const ERROR_BODY_LIMIT = 64 * 1024;
const MAX_SERVER_MESSAGE = 300;

/** The title of an HTML error page ('' when it has none), or undefined when the body is not HTML. */
function htmlPageTitle(body: string): string | undefined {
  const head = body.slice(0, ERROR_BODY_LIMIT);
  if (!/^\s*<(!doctype\s+html|html|head|body)\b/i.test(head)) return undefined;
  // `[^<>]`, not `[^>]`: a tag pattern that may cross '<' rescans the body from every `<title` (quadratic).
  const title = /<title[^<>]*>([^<]*)<\/title>/i.exec(head)?.[1] ?? '';
  return cleanServerMessage(title).slice(0, 100);
}

/** Server text shown to users: secrets masked, control characters dropped, bounded length. */
function cleanServerMessage(message: string): string {
  // Cut generously before redacting (a secret straddling the cut must not leak its start), then to the limit.
  const bounded = message.slice(0, 4 * MAX_SERVER_MESSAGE);
  const oneLine = redact(bounded.replace(/\p{Cc}+/gu, ' ').trim());
  return oneLine.length > MAX_SERVER_MESSAGE ? `${oneLine.slice(0, MAX_SERVER_MESSAGE)}…` : oneLine;
}
