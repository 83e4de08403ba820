import { isIP } from 'node:net';
import { Msg, msg } from '../errors';

/**
 * Our endpoint rule, looser than cocli's (which wants `https://openapi.` / `https://openapi-`): any https host,
 * so private deployments work; plain http only for loopback (the demo and the tests).
 */
export type EndpointProblem = 'not-a-url' | 'not-https' | 'http-not-loopback';

export function endpointProblem(endpoint: string): EndpointProblem | undefined {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return 'not-a-url';
  }
  if (!url.hostname) return 'not-a-url';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol !== 'http:') return 'not-https';
  return isLoopbackHost(url.hostname) ? undefined : 'http-not-loopback';
}

export function checkEndpoint(endpoint: string): Msg | undefined {
  switch (endpointProblem(endpoint)) {
    case undefined:
      return undefined;
    case 'not-a-url':
      return msg('The endpoint "{0}" is not a URL. Use a URL such as https://openapi.coscene.cn.', endpoint);
    case 'not-https':
      return msg('The endpoint "{0}" must start with https://.', endpoint);
    case 'http-not-loopback':
      return msg('The endpoint "{0}" must use https://; http:// is only allowed for localhost.', endpoint);
  }
}

/** 127.0.0.0/8, ::1 and localhost (also `*.localhost`, which resolvers keep on the machine). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host);
  return false;
}

/** The endpoint with trailing slashes removed, so paths can be appended. */
export function normalizeEndpoint(endpoint: string): string {
  return endpoint.trim().replace(/\/+$/, '');
}
