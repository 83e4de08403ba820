import type { FakeApi } from './faults';

/**
 * The fake's request log: one RecordedRequest per request it served (control calls excluded), in process as
 * `server.stats.requests` and over HTTP as `GET /__fake/requests` → `{requests: RecordedRequest[]}`.
 */
export interface RecordedRequest {
  /** 1, 2, 3 … in arrival order over the server's life (not reset by POST /__fake/reset). */
  seq: number;
  method: string;
  /** URL path without the query. */
  path: string;
  /** Raw query string without '?'. */
  query: string;
  api: FakeApi;
  /** Method / operation name, e.g. 'ListUsers', 'ShowRepositoryRolesPrivilege'. */
  procedure?: string;
  /** Every header as received, verbatim (tests compare credentials sent; the log lives in the test process). */
  headers: Record<string, string>;
  /** coScene: the request fields that shape an answer, read from the Connect JSON body. */
  body?: RecordedBody;
  /** Huawei: `page_no` / `page_size` of the query, parsed (set when the query has either). */
  page?: RecordedPage;
  timeMs: number;
}

/**
 * Only these fields of a coScene body are recorded (camelCase or proto snake_case on the wire): none can hold a
 * secret, so tokens, passwords and keys never reach the log whatever a body carries. Strings are cut at
 * MAX_RECORDED_CHARS.
 */
export interface RecordedBody {
  parent?: string;
  filter?: string;
  pageSize?: number;
  pageToken?: string;
  skip?: number;
  /** GetUser, GetProject, GetOrganization. */
  name?: string;
  /** BatchGetUsers: how many names were asked for (the names themselves are not kept). */
  nameCount?: number;
  /** Why (part of) the body was not read: not JSON, too large, or a field of the wrong type. */
  unread?: string;
}

export interface RecordedPage {
  pageNo?: number;
  pageSize?: number;
}

/** Longest string kept of a recorded field; a longer one is cut and ends in '…'. */
export const MAX_RECORDED_CHARS = 256;
/** A larger body is not read for the log (the handler still reads it). */
export const MAX_SUMMARISED_BODY_BYTES = 64 * 1024;

const STRING_FIELDS = ['parent', 'filter', 'pageToken', 'name'] as const;
const INTEGER_FIELDS = ['pageSize', 'skip'] as const;

/** The recorded summary of a coScene request body (undefined for an empty body). */
export function summariseCosceneBody(body: Buffer): RecordedBody | undefined {
  if (body.length === 0) return undefined;
  if (body.length > MAX_SUMMARISED_BODY_BYTES) return { unread: `a body of ${body.length} bytes` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { unread: 'not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { unread: 'not a JSON object' };
  const message = parsed as Record<string, unknown>;
  const field = (camel: string): unknown => message[camel] ?? message[camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
  const summary: RecordedBody = {};
  const wrongType: string[] = [];
  for (const name of STRING_FIELDS) {
    const value = field(name);
    if (typeof value === 'string') summary[name] = bounded(value);
    else if (value !== undefined && value !== null) wrongType.push(name);
  }
  for (const name of INTEGER_FIELDS) {
    const value = field(name);
    const number = typeof value === 'string' && /^-?\d{1,10}$/.test(value) ? Number(value) : value;
    if (typeof number === 'number' && Number.isInteger(number)) summary[name] = number;
    else if (value !== undefined && value !== null) wrongType.push(name);
  }
  const names = field('names');
  if (Array.isArray(names)) summary.nameCount = names.length;
  else if (names !== undefined && names !== null) wrongType.push('names');
  if (wrongType.length) summary.unread = `wrong type: ${wrongType.join(', ')}`;
  return summary;
}

/** `page_no` / `page_size` of a Huawei query as numbers (undefined when the query has neither). */
export function summariseHuaweiPage(query: URLSearchParams): RecordedPage | undefined {
  const read = (name: string): number | undefined => {
    const raw = query.get(name);
    return raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  };
  if (!query.has('page_no') && !query.has('page_size')) return undefined;
  return { pageNo: read('page_no'), pageSize: read('page_size') };
}

function bounded(text: string): string {
  return text.length > MAX_RECORDED_CHARS ? `${text.slice(0, MAX_RECORDED_CHARS - 1)}…` : text;
}

export interface RequestFilter {
  api?: FakeApi;
  /** Method or operation name, e.g. 'ListUsers', 'ListAllRepositories'. */
  procedure?: string;
  /** Only requests recorded after this `seq` (see lastSeq). */
  after?: number;
}

export function selectRequests(requests: readonly RecordedRequest[], filter: RequestFilter = {}): RecordedRequest[] {
  return requests.filter(
    (r) =>
      (filter.api === undefined || r.api === filter.api) &&
      (filter.procedure === undefined || r.procedure === filter.procedure) &&
      (filter.after === undefined || r.seq > filter.after),
  );
}

/** The `seq` of the newest request in the log (0 when it is empty): pass it as `after` to see only what follows. */
export function lastSeq(requests: readonly RecordedRequest[]): number {
  return requests.length ? requests[requests.length - 1].seq : 0;
}

/** GET /__fake/requests of a fake running in another process, filtered. */
export async function fetchRequestLog(baseUrl: string, filter: RequestFilter = {}): Promise<RecordedRequest[]> {
  const res = await fetch(`${baseUrl.replace(/\/+$/, '')}/__fake/requests`);
  if (!res.ok) throw new Error(`GET /__fake/requests answered ${res.status}`);
  return selectRequests(((await res.json()) as { requests: RecordedRequest[] }).requests, filter);
}

/** The page tokens a list of coScene requests sent, in order ('' for a first page). */
export function pageTokensSent(requests: readonly RecordedRequest[]): string[] {
  return requests.map((r) => r.body?.pageToken ?? '');
}

/** The values that occur more than once (each listed once): [] when every page was fetched once. */
export function repeated<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const twice = new Set<T>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}
