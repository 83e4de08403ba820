import type { IncomingHttpHeaders } from 'node:http';

/** A fully read request, as route handlers see it. */
export interface FakeRequest {
  method: string;
  /** URL path without the query, as received (still percent-encoded). */
  path: string;
  /** Raw query string without the leading '?'. */
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Every value of every header, lower-case names (repeated headers kept apart). */
  headersDistinct: Record<string, string[]>;
  body: Buffer;
}

/** A response before delivery; faults may replace or reshape it. */
export interface FakeReply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): FakeReply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

export function header(req: FakeRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
