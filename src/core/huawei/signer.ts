/** AK/SK request signing, `SDK-HMAC-SHA256` (docs/protocol.md). The SK is the HMAC key; no key derivation. */
import { crypto } from '../lazyNode';

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SignableRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface AkSk {
  ak: string;
  sk: string;
  securityToken?: string;
}

/**
 * Which headers go into SignedHeaders. The server recomputes with whatever list we declare, so all three work:
 * - 'ours': host, x-sdk-date, and when present x-project-id, content-type, x-language, x-security-token;
 * - 'go': every header except content-type* and names with '_'; no host (Go SDK);
 * - 'python': every header without '_', plus host (Python SDK).
 */
export type SignHeaderPolicy = 'ours' | 'go' | 'python';

export interface SignOptions {
  /** Used when the request has no X-Sdk-Date header; defaults to now. */
  date?: Date;
  signHeaders?: SignHeaderPolicy;
}

export interface SignedRequestParts {
  /** Headers to add to the request: X-Sdk-Date, Authorization, and X-Security-Token for temporary credentials. */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  signedHeaders: string[];
}

const OUR_SIGNED_HEADERS = new Set(['host', 'x-sdk-date', 'x-project-id', 'content-type', 'x-language', 'x-security-token']);

export function signRequest(req: SignableRequest, cred: AkSk, opts: SignOptions = {}): SignedRequestParts {
  const url = new URL(req.url);
  const added: Record<string, string> = {};
  const headers = lowerCaseHeaders(req.headers);
  if (headers['x-sdk-date'] === undefined) {
    added['X-Sdk-Date'] = formatSdkDate(opts.date ?? new Date());
    headers['x-sdk-date'] = added['X-Sdk-Date'];
  }
  if (cred.securityToken && headers['x-security-token'] === undefined) {
    added['X-Security-Token'] = cred.securityToken;
    headers['x-security-token'] = cred.securityToken;
  }
  const policy = opts.signHeaders ?? 'ours';
  if (policy !== 'go' && headers.host === undefined) headers.host = url.host;

  const signedHeaders = Object.keys(headers)
    .filter((name) => isSigned(name, policy))
    .sort();
  const payloadHash = headers['x-sdk-content-sha256'] ?? sha256Hex(req.body ?? '');
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.search),
    signedHeaders.map((name) => `${name}:${headers[name].trim()}\n`).join(''),
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const stringToSign = `${SIGNING_ALGORITHM}\n${headers['x-sdk-date']}\n${sha256Hex(canonicalRequest)}`;
  const signature = crypto().createHmac('sha256', Buffer.from(cred.sk, 'utf8')).update(stringToSign, 'utf8').digest('hex');
  added.Authorization = `${SIGNING_ALGORITHM} Access=${cred.ak}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  return { headers: added, canonicalRequest, stringToSign, signature, signedHeaders };
}

function isSigned(name: string, policy: SignHeaderPolicy): boolean {
  if (policy === 'ours') return OUR_SIGNED_HEADERS.has(name);
  if (name.includes('_')) return false;
  return policy === 'python' || !name.startsWith('content-type');
}

function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Percent-encodes everything except the RFC 3986 unreserved characters, hex in upper case. */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Each path segment decoded then re-encoded, with a trailing '/' appended (the request itself has none). */
export function canonicalUri(pathname: string): string {
  const path = pathname
    .split('/')
    .map((segment) => encodeRfc3986(safeDecode(segment)))
    .join('/');
  return path.endsWith('/') ? path : `${path}/`;
}

/** Sorted by name (UTF-8 byte order), then value; both RFC 3986 encoded. `search` may start with '?'. */
export function canonicalQuery(search: string): string {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  if (!raw) return '';
  const pairs = raw
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? [safeDecode(part), ''] : [safeDecode(part.slice(0, eq)), safeDecode(part.slice(eq + 1))];
    });
  pairs.sort(([ak, av], [bk, bv]) => byteCompare(ak, bk) || byteCompare(av, bv));
  return pairs.map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`).join('&');
}

function byteCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function sha256Hex(data: string): string {
  return crypto().createHash('sha256').update(data, 'utf8').digest('hex');
}
