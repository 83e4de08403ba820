import { isLoopbackHost } from '../profiles/endpoint';
import type { ProxySettings } from './types';

/**
 * Which proxy (if any) a request to `target` goes through. Pure: settings and env are passed in.
 * Order: loopback → direct; explicit `proxy` setting, else HTTPS_PROXY/HTTP_PROXY env (as VS Code picks them);
 * a `noProxy` match (setting, else NO_PROXY env) → direct. Returns the proxy URL, or undefined for direct.
 */
export function selectProxy(target: string | URL, settings: ProxySettings | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const url = typeof target === 'string' ? new URL(target) : target;
  if (isLoopbackHost(url.hostname)) return undefined;
  const proxy = nonEmpty(settings?.proxy) ?? envProxy(url, env);
  if (!proxy) return undefined;
  const noProxy = nonEmpty(settings?.noProxy) ?? nonEmpty(env.NO_PROXY) ?? nonEmpty(env.no_proxy);
  if (noProxy && matchesNoProxy(url, noProxy)) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

function envProxy(url: URL, env: NodeJS.ProcessEnv): string | undefined {
  const http = nonEmpty(env.HTTP_PROXY) ?? nonEmpty(env.http_proxy);
  if (url.protocol === 'http:') return http;
  return nonEmpty(env.HTTPS_PROXY) ?? nonEmpty(env.https_proxy) ?? http;
}

/**
 * curl-style NO_PROXY: comma/space separated; `*` matches all; `example.com`, `.example.com` and `*.example.com`
 * match the host and its subdomains; `host:port` only that port; IPv6 in brackets.
 */
export function matchesNoProxy(url: URL, noProxy: string): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const { name, entryPort } = splitHostPort(entry);
    if (entryPort && entryPort !== port) continue;
    const suffix = name.replace(/^\*?\./, '');
    if (!suffix) continue;
    if (host === suffix || host.endsWith(`.${suffix}`)) return true;
  }
  return false;
}

function splitHostPort(entry: string): { name: string; entryPort?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1], entryPort: bracketed[2] };
  const parts = entry.split(':');
  // More than one colon without brackets: a bare IPv6 address, no port.
  if (parts.length === 2 && /^\d+$/.test(parts[1])) return { name: parts[0], entryPort: parts[1] };
  return { name: entry };
}

/** The proxy URL without user:password, for messages and logs. */
export function displayProxy(proxyUrl: string): string {
  try {
    const u = new URL(proxyUrl);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(invalid proxy URL)';
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}
