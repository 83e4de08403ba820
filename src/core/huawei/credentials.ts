/** The stored Huawei sign-in: what goes to SecretStorage, what to globalState, and what a call needs first. */
import { tokenNeedsRenewal } from './iam';
import type { IamToken } from './model';
import type { HuaweiOrigins } from './origins';

interface Bound {
  region: string;
  /** Where the credentials were issued; absent when stored by a version that did not record it. */
  origins?: HuaweiOrigins;
}

/**
 * Password sign-in that keeps the password next to the token (both in SecretStorage) so the token can be renewed
 * silently before it expires.
 */
export interface PasswordCredentials extends Bound {
  kind: 'password';
  userName: string;
  domainName: string;
  password: string;
  token: IamToken;
}

/** Password used once: only the 24 h token is kept; when it ends the user signs in again. */
export interface TokenOnlyCredentials extends Bound {
  kind: 'tokenOnly';
  userName: string;
  domainName: string;
  token: IamToken;
}

export interface AkSkCredentials extends Bound {
  kind: 'aksk';
  ak: string;
  sk: string;
  securityToken?: string;
  /** IAM project id of the region (X-Project-Id). */
  projectId: string;
  /** Account (tenant / domain) id. */
  domainId: string;
}

export type StoredCredentials = PasswordCredentials | TokenOnlyCredentials | AkSkCredentials;

/** Only these go to SecretStorage (every stored string is registered for log redaction, so no ids). */
export type SecretPart = { password?: string; token: string } | { ak: string; sk: string; securityToken?: string };
export type PublicPart =
  | (Omit<PasswordCredentials, 'password' | 'token'> & { token: Omit<IamToken, 'token'> })
  | (Omit<TokenOnlyCredentials, 'token'> & { token: Omit<IamToken, 'token'> })
  | Omit<AkSkCredentials, 'ak' | 'sk' | 'securityToken'>;

export function splitCredentials(credentials: StoredCredentials): { pub: PublicPart; secret: SecretPart } {
  if (credentials.kind === 'aksk') {
    const { ak, sk, securityToken, ...pub } = credentials;
    return { pub, secret: { ak, sk, securityToken } };
  }
  const { token, ...rest } = credentials;
  const { token: tokenValue, ...tokenInfo } = token;
  if (rest.kind === 'password') {
    const { password, ...pub } = rest;
    return { pub: { ...pub, token: tokenInfo }, secret: { password, token: tokenValue } };
  }
  return { pub: { ...rest, token: tokenInfo }, secret: { token: tokenValue } };
}

/** The stored credentials, or undefined when the two halves do not belong together. */
export function joinCredentials(pub: PublicPart | undefined, secret: SecretPart | undefined): StoredCredentials | undefined {
  if (!pub || !secret) return undefined;
  if (pub.kind === 'aksk')
    return 'sk' in secret ? { ...pub, ak: secret.ak, sk: secret.sk, securityToken: secret.securityToken } : undefined;
  if (!('token' in secret)) return undefined;
  const token = { ...pub.token, token: secret.token };
  if (pub.kind === 'password') return typeof secret.password === 'string' ? { ...pub, password: secret.password, token } : undefined;
  if (pub.kind === 'tokenOnly') return secret.password === undefined ? { ...pub, token } : undefined;
  return undefined;
}

/** What must happen before the stored credentials can be used at `now`. */
export type TokenStep = 'use' | 'renew' | 'signInAgain';

const RENEW_MARGIN_MS = 60 * 60 * 1000;
/** A token-only sign-in is used until shortly before it ends, so no call fails half way. */
const END_MARGIN_MS = 60 * 1000;

export function tokenStep(credentials: StoredCredentials, now: Date): TokenStep {
  if (credentials.kind === 'aksk') return 'use';
  if (credentials.kind === 'password') return tokenNeedsRenewal(credentials.token, now, RENEW_MARGIN_MS) ? 'renew' : 'use';
  return tokenNeedsRenewal(credentials.token, now, END_MARGIN_MS) ? 'signInAgain' : 'use';
}
