import { endpointProblem } from '../endpointRule';
import { Msg, msg } from '../errors';
import { redact } from '../redact';

/**
 * Our endpoint rule, looser than cocli's (which wants `https://openapi.` / `https://openapi-`): any https host,
 * so private deployments work; plain http only for loopback (the demo and the tests); no userinfo.
 */
export { endpointProblem, isLoopbackHost, type EndpointProblem } from '../endpointRule';

export function checkEndpoint(endpoint: string): Msg | undefined {
  const shown = redact(endpoint);
  switch (endpointProblem(endpoint)) {
    case undefined:
      return undefined;
    case 'not-a-url':
      return msg('The endpoint "{0}" is not a URL. Use a URL such as https://openapi.coscene.cn.', shown);
    case 'not-https':
      return msg('The endpoint "{0}" must start with https://.', shown);
    case 'http-not-loopback':
      return msg('The endpoint "{0}" must use https://; http:// is only allowed for localhost.', shown);
    case 'userinfo':
      return msg('The endpoint "{0}" must not contain a user name or password. Remove them; the token is sent separately.', shown);
  }
}

/** The endpoint with trailing slashes removed, so paths can be appended. */
export function normalizeEndpoint(endpoint: string): string {
  return endpoint.trim().replace(/\/+$/, '');
}
