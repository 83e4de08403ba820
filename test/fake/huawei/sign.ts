import { createHash, createHmac } from 'node:crypto';

/**
 * SDK-HMAC-SHA256 canonicalization (docs/protocol.md), written independently of src/
 * so the fake can check the extension's signer rather than agree with it by construction.
 */
export const ALGORITHM = 'SDK-HMAC-SHA256';
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Percent-encode every UTF-8 byte except A-Z a-z 0-9 - _ . ~ (uppercase hex). */
export function encodeUnreserved(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Encode each (decoded) segment and make sure the result ends in '/'. */
export function canonicalUri(decodedPath: string): string {
  const joined = decodedPath.split('/').map(encodeUnreserved).join('/');
  return joined.endsWith('/') ? joined : `${joined}/`;
}

/** Sorted by name (byte order), then value; both encoded; joined by '&'. */
export function canonicalQuery(params: readonly (readonly [string, string])[]): string {
  return params
    .map(([name, value]) => [encodeUnreserved(name), encodeUnreserved(value)] as const)
    .sort((a, b) => compareBytes(a[0], b[0]) || compareBytes(a[1], b[1]))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export interface CanonicalRequestInput {
  method: string;
  /** Percent-decoded path. */
  path: string;
  /** Decoded query parameters, in any order. */
  query: readonly (readonly [string, string])[];
  /** Lower-case header name → every value received / to be sent. */
  headers: Record<string, readonly string[]>;
  /** Lower-case names, in the order declared (sorted by the signer). */
  signedHeaders: readonly string[];
  payloadHash: string;
}

export function canonicalRequest(input: CanonicalRequestInput): string {
  const headerLines = input.signedHeaders
    .map((name) =>
      [...(input.headers[name] ?? [])]
        .map((v) => v.trim())
        .sort()
        .map((v) => `${name}:${v}\n`)
        .join(''),
    )
    .join('');
  return [
    input.method.toUpperCase(),
    canonicalUri(input.path),
    canonicalQuery(input.query),
    headerLines,
    input.signedHeaders.join(';'),
    input.payloadHash,
  ].join('\n');
}

export function stringToSign(sdkDate: string, canonical: string): string {
  return `${ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

export function signature(sk: string, sts: string): string {
  return createHmac('sha256', Buffer.from(sk, 'utf8')).update(sts, 'utf8').digest('hex');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** YYYYMMDD'T'HHMMSS'Z' */
export function formatSdkDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

export function parseSdkDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return formatSdkDate(ms) === value ? ms : undefined;
}

/** Split a raw query string into decoded pairs (no '+' → space: signers encode spaces as %20). */
export function decodeQuery(rawQuery: string): [string, string][] {
  if (rawQuery === '') return [];
  return rawQuery.split('&').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? [decodeURIComponent(part), ''] : [decodeURIComponent(part.slice(0, eq)), decodeURIComponent(part.slice(eq + 1))];
  });
}

export function decodePath(rawPath: string): string {
  return rawPath
    .split('/')
    .map((s) => decodeURIComponent(s))
    .join('/');
}

export interface SignOptions {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  ak: string;
  sk: string;
  /** Default: now. Ignored when headers already hold X-Sdk-Date. */
  dateMs?: number;
  /** Headers to sign (lower-case). Default: every given header plus host and x-sdk-date, like the Python SDK. */
  signedHeaders?: string[];
}

/** Client-side signing for tests and tools: returns the headers to send (input headers + X-Sdk-Date, Host, Authorization). */
export function signRequest(opts: SignOptions): Record<string, string> {
  const url = new URL(opts.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(opts.headers ?? {})) headers[name.toLowerCase()] = value;
  headers['x-sdk-date'] ??= formatSdkDate(opts.dateMs ?? Date.now());
  headers.host ??= url.host;
  const signed = (opts.signedHeaders ?? Object.keys(headers).filter((n) => !n.includes('_'))).map((n) => n.toLowerCase()).sort();
  const canonical = canonicalRequest({
    method: opts.method,
    path: decodePath(url.pathname),
    query: decodeQuery(url.search.replace(/^\?/, '')),
    headers: Object.fromEntries(Object.entries(headers).map(([n, v]) => [n, [v]])),
    signedHeaders: signed,
    payloadHash: headers['x-sdk-content-sha256'] ?? sha256Hex(opts.body ?? ''),
  });
  const sig = signature(opts.sk, stringToSign(headers['x-sdk-date'], canonical));
  return { ...headers, authorization: `${ALGORITHM} Access=${opts.ak}, SignedHeaders=${signed.join(';')}, Signature=${sig}` };
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
