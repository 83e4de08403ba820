import { AccessError, msg, type ErrorAction, type Msg } from '../errors';
import { redact } from '../redact';
import { isRecord } from '../json';

/** In gRPC number order (1 = canceled … 16 = unauthenticated): codeFromGrpcNumber relies on it. */
export const CONNECT_CODES = [
  'canceled',
  'unknown',
  'invalid_argument',
  'deadline_exceeded',
  'not_found',
  'already_exists',
  'permission_denied',
  'resource_exhausted',
  'failed_precondition',
  'aborted',
  'out_of_range',
  'unimplemented',
  'internal',
  'unavailable',
  'data_loss',
  'unauthenticated',
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
  constructor(
    readonly procedure: string,
    userMessage: Msg,
    detail?: string,
  ) {
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
    : // Redact before cutting: a secret straddling the cut would otherwise leak its beginning.
      redact(`HTTP ${status}, not a Connect error body: ${redact(body.slice(0, 400)).slice(0, 200)}`);
  const make = (m: Msg, actions: ErrorAction[]) =>
    new CosceneApiError(code, status, ctx.procedure, serverMessage, m, actions, detail, ctx.retryAfterMs);
  const { procedure, profileName, origin } = ctx;
  const said = serverMessage || `HTTP ${status}`;
  if (status === 415 && !parsed) {
    // A gRPC / gRPC-Web-only host (or a gateway in front of one) refuses application/json: retrying cannot help.
    return make(
      msg(
        'The server at {0} does not accept Connect JSON (HTTP 415 for {1}): it may speak only gRPC or gRPC-Web. Check that the endpoint of profile {2} is a coScene OpenAPI endpoint that accepts Connect.',
        origin,
        procedure,
        profileName,
      ),
      LOGS,
    );
  }
  const page = parsed ? undefined : htmlPageTitle(body);
  if (page !== undefined && status >= 500) {
    // A proxy or gateway answered for the server: say so, rather than blame the coScene server or the endpoint.
    return make(
      msg(
        'The server at {0} answered {1} with an HTML page ({2}) instead of a coScene answer; a proxy or gateway on the way may be failing. Try again later, or check the endpoint of profile {3}.',
        origin,
        procedure,
        page || `HTTP ${status}`,
        profileName,
      ),
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
    return make(
      msg(
        'The server at {0} answered {1} with HTTP status {2} and no coScene error. Check the endpoint of profile {3}.',
        origin,
        procedure,
        status,
        profileName,
      ),
      LOGS,
    );
  }
  switch (code) {
    case 'permission_denied': {
      const { required, held } = rolesInDenial(serverMessage);
      if (required && held)
        return make(
          msg('Profile {0} is not allowed to call {1}: it needs the role {2} and has {3}.', profileName, procedure, required, held),
          LOGS,
        );
      if (required)
        return make(msg('Profile {0} is not allowed to call {1}: it needs the role {2}.', profileName, procedure, required), LOGS);
      if (held)
        return make(
          msg(
            'Profile {0} has the role {1}, which does not allow {2}. Ask an organization admin for access.',
            profileName,
            held,
            procedure,
          ),
          LOGS,
        );
      return make(msg('Profile {0} is not allowed to call {1}. Ask an organization admin for access.', profileName, procedure), LOGS);
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
      return make(
        msg(
          'The server at {0} does not support {1}. Check that the endpoint of profile {2} is a coScene OpenAPI endpoint.',
          origin,
          procedure,
          profileName,
        ),
        LOGS,
      );
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
  if (!isRecord(value)) return undefined;
  const { code, message } = value;
  const known = typeof code === 'number' ? codeFromGrpcNumber(code) : typeof code === 'string' ? codeFromName(code) : undefined;
  if (!known) return undefined;
  return { code: known, message: typeof message === 'string' ? message : '' };
}

/** A Connect name (`not_found`), or a gRPC enum name as some gateways write it (`NOT_FOUND`); other text is unknown. */
function codeFromName(name: string): ConnectCode {
  const lower = name.toLowerCase();
  return (CONNECT_CODES as readonly string[]).includes(lower) ? (lower as ConnectCode) : 'unknown';
}

/**
 * Transcoding gateways (grpc-gateway, Envoy) answer errors as a google.rpc.Status: `{"code": 5, "message": …}`.
 * gRPC numbers 1–16 are CONNECT_CODES in order; 0 (OK) on an error status, or any other number, says nothing.
 */
function codeFromGrpcNumber(n: number): ConnectCode | undefined {
  return Number.isInteger(n) && n >= 1 && n <= CONNECT_CODES.length ? CONNECT_CODES[n - 1] : undefined;
}

/** connect-go's mapping for answers without a Connect body, except 429 which says more as resource_exhausted. */
export function codeFromHttpStatus(status: number): ConnectCode {
  switch (status) {
    case 400:
      return 'internal';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'permission_denied';
    case 404:
      return 'unimplemented';
    case 415:
      return 'unimplemented'; // the host does not speak this protocol; never retried
    case 429:
      return 'resource_exhausted';
    case 502:
    case 503:
    case 504:
      return 'unavailable';
    default:
      return 'unknown';
  }
}

const ROLE = '\\b(?:ORGANIZATION|PROJECT)_[A-Z]+(?:_[A-Z]+)*\\b';
const ROLE_LIST = `${ROLE}(?:\\s*(?:,|/|\\||\\bor\\b)\\s*${ROLE})*`;
/** "requires role A or B", "required roles: A, B", "lacks role A", "must have A", "role A is required". */
const REQUIRED_ROLES = new RegExp(
  `\\b(?:requires?|required|needs?|lacks?|missing|must have)\\b\\s*(?:the\\s+)?(?:roles?\\b\\s*:?\\s*)?(${ROLE_LIST})|(${ROLE_LIST})\\s+(?:is\\s+|are\\s+)?required\\b`,
  'g',
);

/**
 * The roles a denial names: `required` only where the server says a role is required (a role code elsewhere is the
 * caller's own, e.g. "role ORGANIZATION_READER cannot …", and must not be shown as the missing one).
 */
function rolesInDenial(serverMessage: string): { required?: string; held?: string } {
  const required = new Set<string>();
  const rest = serverMessage.replace(REQUIRED_ROLES, (_all, a: string | undefined, b: string | undefined) => {
    for (const code of (a ?? b ?? '').match(new RegExp(ROLE, 'g')) ?? []) required.add(code);
    return ' ';
  });
  const held = new RegExp(ROLE).exec(rest)?.[0];
  return { required: required.size ? [...required].join(' / ') : undefined, held };
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
