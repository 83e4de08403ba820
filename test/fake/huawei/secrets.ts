import { HuaweiData } from './model';

/** IAM tokens (X-Subject-Token values) issued for each account, in order; kept after expiry, as a client may still hold them. */
const issuedTokens = new WeakMap<HuaweiData, string[]>();

/** Called by IAM when it issues a token. */
export function recordIssuedToken(data: HuaweiData, token: string): void {
  const tokens = issuedTokens.get(data);
  if (tokens) tokens.push(token);
  else issuedTokens.set(data, [token]);
}

/** The IAM tokens issued so far for `data` (a copy), oldest first. */
export function issuedIamTokens(data: HuaweiData): string[] {
  return [...(issuedTokens.get(data) ?? [])];
}

/**
 * Every secret the fake knows for this account at the time of the call (name → value, names never hold a value): the
 * IAM password, each access key's SK and security token (including keys a test added), and every IAM token issued so
 * far. Read-only: for the secret scans of the tests, whose needle list then grows as the fake issues tokens.
 */
export function huaweiSecrets(data: HuaweiData): Record<string, string> {
  const secrets: Record<string, string> = { 'IAM password': data.iamUser.password };
  [...data.accessKeys.values()].forEach((key, i) => {
    secrets[`SK ${i + 1}`] = key.sk;
    if (key.securityToken) secrets[`security token ${i + 1}`] = key.securityToken;
  });
  issuedIamTokens(data).forEach((token, i) => (secrets[`IAM token ${i + 1}`] = token));
  return secrets;
}
