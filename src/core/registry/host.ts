import { net } from '../lazyNode';
import { AccessError, Msg, msg } from '../errors';

/** Endpoint hosts that do not follow the `openapi.` → `cr.` rule (cocli `pkg/cmd/registry/login.go`). */
const KNOWN_HOSTS: Readonly<Record<string, string>> = {
  'openapi.coscene.cn': 'cr.coscene.cn',
  'openapi.staging.coscene.cn': 'cr.staging.coscene.cn',
  'openapi.api.coscene.dev': 'cr.dev.coscene.cn',
  'api.dev.coscene.cn': 'cr.dev.coscene.cn',
};

/** Raised when the endpoint gives no registry host; the caller may ask the user instead. */
export class RegistryHostInferenceError extends AccessError {}

/**
 * The registry host cocli would use for a profile endpoint. The URL's host keeps its port; unlike cocli,
 * the host is compared lower-cased (URL parsing normalises it, and DNS names are case-insensitive).
 */
export function inferRegistryHost(endpoint: string): string {
  let host: string;
  try {
    host = new URL(endpoint.trim()).host;
  } catch {
    throw new RegistryHostInferenceError(
      msg('The profile endpoint "{0}" is not a valid URL, so the container registry host cannot be inferred.', endpoint),
    );
  }
  // Own keys only: `https://__proto__` or `https://constructor` must not pick up Object.prototype members.
  const known = Object.hasOwn(KNOWN_HOSTS, host) ? KNOWN_HOSTS[host] : undefined;
  if (known) return known;
  const inferred = host.startsWith('openapi.') && host.length > 'openapi.'.length ? `cr.${host.slice('openapi.'.length)}` : undefined;
  // URL hosts admit characters a registry host may not have (`https://openapi.a_b`, `foo://openapi.x%20y`).
  if (inferred && !registryHostProblem(inferred)) return inferred;
  throw new RegistryHostInferenceError(
    msg('Cannot infer the container registry host from the endpoint "{0}". Set "coscene.registry.host" or enter the host.', endpoint),
  );
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** What is wrong with a `host[:port]` value, or undefined when it is usable as a registry host. */
export function registryHostProblem(value: string): Msg | undefined {
  if (value === '') return msg('Enter a registry host such as cr.coscene.cn or 127.0.0.1:5000.');
  if (/\s/.test(value)) return msg('The registry host "{0}" must not contain spaces.', value);
  if (value.includes('://'))
    return msg('The registry host "{0}" must not include a scheme such as https://; enter only host[:port].', value);
  if (value.includes('/')) return msg('The registry host "{0}" must not include a path; enter only host[:port].', value);
  const parts = splitHostPort(value);
  if (!parts) return msg('"{0}" is not a valid registry host; use host[:port], with IPv6 addresses in brackets.', value);
  if (!isValidHostname(parts.host)) return msg('"{0}" is not a valid host name or IP address.', parts.host);
  if (parts.port !== undefined) {
    const port = /^\d{1,5}$/.test(parts.port) ? Number(parts.port) : NaN;
    if (!(port >= 1 && port <= 65535)) return msg('The port "{0}" is not between 1 and 65535.', parts.port);
  }
  return undefined;
}

/** The trimmed host, or an AccessError naming the problem. */
export function validateRegistryHost(value: string): string {
  const host = value.trim();
  const problem = registryHostProblem(host);
  if (problem) throw new AccessError(problem, ['showLogs']);
  return host;
}

export interface ResolvedRegistryHost {
  host: string;
  source: 'setting' | 'endpoint';
}

/** The `coscene.registry.host` setting wins; otherwise the host is inferred from the endpoint. */
export function resolveRegistryHost(input: { setting?: string; endpoint?: string }): ResolvedRegistryHost {
  if (input.setting?.trim()) return { host: validateRegistryHost(input.setting), source: 'setting' };
  if (!input.endpoint) {
    throw new RegistryHostInferenceError(
      msg('No coScene profile is active, so the container registry host cannot be inferred. Set "coscene.registry.host" or add a profile.'),
    );
  }
  return { host: inferRegistryHost(input.endpoint), source: 'endpoint' };
}

function splitHostPort(value: string): { host: string; port?: string } | undefined {
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(value);
  if (bracketed) return net().isIPv6(bracketed[1]) ? { host: `[${bracketed[1]}]`, port: bracketed[2] } : undefined;
  const colons = value.split(':').length - 1;
  if (colons === 0) return { host: value };
  if (colons > 1) return undefined; // a bare IPv6 address is ambiguous with a port
  const [host, port] = value.split(':');
  return { host, port };
}

function isValidHostname(host: string): boolean {
  if (host.startsWith('[')) return true; // checked as IPv6 while splitting
  if (/^[\d.]+$/.test(host)) return net().isIPv4(host);
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  return name.length > 0 && name.length <= 253 && name.split('.').every((label) => LABEL.test(label));
}
