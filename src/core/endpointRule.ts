import { net } from './lazyNode';

/**
 * The one rule for every endpoint the extension sends credentials to (the coScene OpenAPI, Huawei IAM and
 * CodeArts Artifact): https, or plain http to this machine only; never a user name or password in the URL
 * (it would be sent as Basic auth to whoever answers, and shown wherever the endpoint is shown).
 */
/** `scheme://host[:port]` of an endpoint base URL, the unit credentials are bound to (throws on a non-URL). */
export function originOf(endpoint: string): string {
  return new URL(endpoint).origin;
}

export type EndpointProblem = 'not-a-url' | 'not-https' | 'http-not-loopback' | 'userinfo';

export function endpointProblem(endpoint: string): EndpointProblem | undefined {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return 'not-a-url';
  }
  if (!url.hostname) return 'not-a-url';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not-https';
  if (url.username || url.password) return 'userinfo';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return 'http-not-loopback';
  return undefined;
}

/**
 * `localhost`, 127.0.0.0/8 and ::1 (a URL's hostname, brackets allowed). Not `*.localhost`: only some resolvers
 * keep those on the machine, and a proxy or a hosts file may send them anywhere.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost') return true;
  const version = net().isIP(host);
  if (version === 4) return host.split('.')[0] === '127';
  if (version === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}
