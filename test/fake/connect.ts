import { FakeReply, jsonReply } from './http';

/** Connect error codes with their HTTP status (Connect protocol spec). */
export const CONNECT_HTTP_STATUS = {
  canceled: 499,
  unknown: 500,
  invalid_argument: 400,
  deadline_exceeded: 504,
  not_found: 404,
  already_exists: 409,
  permission_denied: 403,
  resource_exhausted: 429,
  failed_precondition: 400,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  data_loss: 500,
  unauthenticated: 401,
} as const;

export type ConnectCode = keyof typeof CONNECT_HTTP_STATUS;

export function isConnectCode(value: unknown): value is ConnectCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CONNECT_HTTP_STATUS, value);
}

/** Thrown by procedure handlers; turned into a Connect error reply by the router. */
export class ConnectError extends Error {
  constructor(
    readonly code: ConnectCode,
    message: string,
  ) {
    super(message);
  }
}

export function connectErrorReply(
  code: ConnectCode,
  message: string,
  httpStatus?: number,
  headers: Record<string, string> = {},
): FakeReply {
  const body: { code: ConnectCode; message?: string } = { code };
  if (message) body.message = message;
  return jsonReply(httpStatus ?? CONNECT_HTTP_STATUS[code], body, headers);
}

/** protojson timestamps: RFC 3339 UTC with 0, 3 fractional digits as needed (we only store ms). */
export function protoTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? iso.replace('.000Z', 'Z') : iso;
}

/**
 * Drop protojson default values (proto3 implicit presence): "", 0, false, empty arrays, undefined.
 * Fields with explicit presence (proto3 `optional`, e.g. User.nickname) must be added after this.
 */
export function omitDefaults<T extends Record<string, unknown>>(message: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(message)) {
    if (value === undefined || value === '' || value === 0 || value === false) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as Partial<T>;
}
