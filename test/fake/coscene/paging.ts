import { createHash } from 'node:crypto';
import { ConnectError } from '../connect';

export const DEFAULT_PAGE_SIZE = 100;
export const MIN_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

/** Fault that bends paging for one list call (see faults.ts). */
export type PageFault = 'repeat-page-token' | 'empty-page-with-token' | 'endless-pages' | undefined;

/** 0 / absent → server default; otherwise 10..100, as the CLI enforces (strict on purpose). */
export function resolvePageSize(pageSize: number | undefined): number {
  if (pageSize === undefined || pageSize === 0) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE) {
    throw new ConnectError('invalid_argument', `page_size must be between ${MIN_PAGE_SIZE} and ${MAX_PAGE_SIZE}`);
  }
  return pageSize;
}

/**
 * Tokens are opaque to clients: base64url of {o: offset, q: hash of the query}. A token used with a
 * different parent/filter/procedure is invalid_argument, like AIP-158 servers.
 */
export function encodePageToken(offset: number, queryKey: string, serial?: number): string {
  return Buffer.from(
    JSON.stringify({ o: offset, q: queryHash(queryKey), ...(serial !== undefined ? { n: serial } : {}) }),
    'utf8',
  ).toString('base64url');
}

/** Tokens of the endless-pages fault: each one new (a serial), each one valid. */
let endlessSerial = 0;

export function decodePageToken(token: string, queryKey: string, total: number): number {
  let parsed: { o?: unknown; q?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
  } catch {
    throw new ConnectError('invalid_argument', 'invalid page token');
  }
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.o !== 'number' || !Number.isInteger(parsed.o) || parsed.o < 0) {
    throw new ConnectError('invalid_argument', 'invalid page token');
  }
  if (parsed.q !== queryHash(queryKey)) {
    throw new ConnectError('invalid_argument', 'page token does not match the request (parent and filter must not change between pages)');
  }
  if (parsed.o > total) throw new ConnectError('invalid_argument', 'page token is out of range');
  return parsed.o;
}

export interface Page<T> {
  items: T[];
  nextPageToken: string;
}

export function paginate<T>(items: readonly T[], pageSize: number, pageToken: string, queryKey: string, fault: PageFault): Page<T> {
  const offset = pageToken ? decodePageToken(pageToken, queryKey, items.length) : 0;
  if (fault === 'empty-page-with-token') {
    // Nothing this time, but the token leads to the same offset, so a client that keeps going sees everything.
    return { items: [], nextPageToken: pageToken || encodePageToken(offset, queryKey) };
  }
  if (fault === 'endless-pages' && items.length > 0) {
    // A full page that wraps round the data, and a token never sent before: a client that trusts tokens walks forever.
    const page = Array.from({ length: pageSize }, (_, i) => items[(offset + i) % items.length]);
    return { items: page, nextPageToken: encodePageToken((offset + pageSize) % items.length, queryKey, ++endlessSerial) };
  }
  const end = Math.min(offset + pageSize, items.length);
  const page = items.slice(offset, end);
  if (fault === 'repeat-page-token') {
    return { items: page, nextPageToken: pageToken || encodePageToken(0, queryKey) };
  }
  return { items: page, nextPageToken: end < items.length ? encodePageToken(end, queryKey) : '' };
}

function queryHash(queryKey: string): string {
  return createHash('sha256').update(queryKey).digest('hex').slice(0, 12);
}
