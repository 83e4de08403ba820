/**
 * cocli's auth rule (docs/protocol.md): a token of exactly three dot-separated parts is a JWT → Bearer; anything else is
 * an API key → Basic base64("apikey:<token>"). The same value goes on both headers.
 */
export function authHeader(token: string): string {
  return token.split('.').length === 3 ? `Bearer ${token}` : `Basic ${Buffer.from(`apikey:${token}`, 'utf8').toString('base64')}`;
}

export function authHeaders(token: string): Record<string, string> {
  const value = authHeader(token);
  return { Authorization: value, 'x-cos-auth-token': value };
}
