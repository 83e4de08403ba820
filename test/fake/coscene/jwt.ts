import { createHmac, timingSafeEqual } from 'node:crypto';

/** HS256 JWTs as the fake issues them: payload {sub: "users/<uuid>", exp: <unix seconds>}. */
export function mintJwt(secret: string, sub: string, expSeconds: number): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ sub, exp: expSeconds }));
  return `${header}.${payload}.${sign(secret, `${header}.${payload}`)}`;
}

export interface JwtClaims {
  sub: string;
  exp: number;
}

/** The claims when the signature is valid, else undefined. Expiry is the caller's check. */
export function verifyJwt(secret: string, token: string): JwtClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const expected = Buffer.from(sign(secret, `${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Partial<JwtClaims>;
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return undefined;
    return { sub: claims.sub, exp: claims.exp };
  } catch {
    return undefined;
  }
}

function sign(secret: string, input: string): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

function b64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
