import { randomBytes, timingSafeEqual } from 'node:crypto';
import { FakeRequest, header } from '../http';
import { authFailure } from './errors';
import { HuaweiData } from './model';
import { canonicalRequest, decodePath, decodeQuery, parseSdkDate, sha256Hex, signature, stringToSign } from './sign';

export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface IssuedToken {
  token: string;
  issuedAtMs: number;
  expiresAtMs: number;
  /** IAM project the token is scoped to; undefined for a domain-scoped token. */
  projectId?: string;
}

/** IAM tokens the fake has issued (X-Subject-Token values). */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  issue(nowMs: number, projectId: string | undefined): IssuedToken {
    // Real tokens are long opaque strings starting with "MII"; length matters for header-size bugs.
    const token = `MII${randomBytes(600).toString('base64').replace(/[+/=]/g, 'x')}`;
    const issued = { token, issuedAtMs: nowMs, expiresAtMs: nowMs + TOKEN_LIFETIME_MS, projectId };
    this.tokens.set(token, issued);
    return issued;
  }

  get(token: string): IssuedToken | undefined {
    return this.tokens.get(token);
  }
}

export type HuaweiPrincipal = { kind: 'token'; token: IssuedToken } | { kind: 'aksk'; ak: string };

const AUTH_PATTERN = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

/** X-Auth-Token (issued, unexpired, project-scoped) or an SDK-HMAC-SHA256 signature (docs/protocol.md). */
export function authenticateHuawei(
  req: FakeRequest,
  data: HuaweiData,
  tokens: TokenStore,
  nowMs: number,
  allowDomainScope = false,
): HuaweiPrincipal {
  const tokenValue = header(req, 'x-auth-token');
  if (tokenValue !== undefined) {
    const token = tokens.get(tokenValue);
    if (!token) throw authFailure('decrypt token fail');
    if (token.expiresAtMs <= nowMs) throw authFailure('token expires');
    if (!token.projectId && !allowDomainScope) throw authFailure('the token is not scoped to a project');
    return { kind: 'token', token };
  }
  const authorization = header(req, 'authorization');
  if (authorization === undefined) throw authFailure('x-auth-token not found');
  return { kind: 'aksk', ak: verifySignature(req, authorization, data, nowMs) };
}

function verifySignature(req: FakeRequest, authorization: string, data: HuaweiData, nowMs: number): string {
  const parsed = AUTH_PATTERN.exec(authorization);
  if (!parsed) throw authFailure('verify aksk signature fail');
  const [, ak, signedList, givenSignature] = parsed;
  const key = data.accessKeys.get(ak);
  if (!key) throw authFailure('Get secretKey failed, ak not exist');
  const signed = signedList.split(';');
  const sdkDate = header(req, 'x-sdk-date');
  if (!signed.includes('x-sdk-date') || sdkDate === undefined) throw authFailure('verify aksk signature fail');
  const dateMs = parseSdkDate(sdkDate);
  if (dateMs === undefined) throw authFailure('verify aksk signature fail');
  // The gateway says nothing about time: a skew over 15 minutes reads exactly like a wrong SK (Huawei's signing FAQ).
  if (Math.abs(nowMs - dateMs) > MAX_CLOCK_SKEW_MS) throw authFailure('verify aksk signature fail');
  if (key.securityToken !== undefined) {
    const given = header(req, 'x-security-token');
    if (given === undefined || !signed.includes('x-security-token')) throw authFailure('verify aksk signature fail');
    if (given !== key.securityToken) throw authFailure('security token is invalid');
  }
  if (signed.some((name) => req.headersDistinct[name] === undefined)) throw authFailure('verify aksk signature fail');

  let path: string;
  let query: [string, string][];
  try {
    path = decodePath(req.path);
    query = decodeQuery(req.rawQuery);
  } catch {
    throw authFailure('verify aksk signature fail');
  }
  const canonical = canonicalRequest({
    method: req.method,
    path,
    query,
    headers: req.headersDistinct,
    signedHeaders: signed,
    payloadHash: header(req, 'x-sdk-content-sha256') ?? sha256Hex(req.body),
  });
  const expected = Buffer.from(signature(key.sk, stringToSign(sdkDate, canonical)), 'utf8');
  if (!timingSafeEqual(expected, Buffer.from(givenSignature, 'utf8'))) throw authFailure('verify aksk signature fail');

  const projectHeader = header(req, 'x-project-id');
  if (projectHeader !== undefined && !data.iamProjects.some((p) => p.id === projectHeader)) {
    throw authFailure('the X-Project-Id does not belong to this account');
  }
  return ak;
}
