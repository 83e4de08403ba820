/**
 * cocli's "open in browser" rule: the web app of an OpenAPI endpoint. `https://openapi.api.coscene.dev` (the dev
 * deployment) is served at `https://home.coscene.dev`; any other `https://openapi.<host>` at `https://<host>`.
 *
 * Only an endpoint the rule clearly applies to gets an answer; for everything else the web base is undefined (cannot
 * tell) and no link is offered, rather than a guess that opens someone else's site:
 * - not https, or with a user name / password (`http://127.0.0.1:1234`, the local fake);
 * - a host that does not start with `openapi.` (`https://openapi-e2e.dev.example.com`, `https://api.example.com`),
 *   or that would leave a single label (`https://openapi.com` → `https://com`);
 * - a port, a path other than `/`, a query or a fragment (the API behind a gateway: where its web app lives is
 *   not known). Trailing slashes are ignored.
 */
const DEV_ENDPOINT_HOST = 'openapi.api.coscene.dev';
const DEV_WEB_BASE = 'https://home.coscene.dev';
const PREFIX = 'openapi.';

export function webBaseOf(endpoint: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return undefined;
  if (url.search || url.hash || !/^\/*$/.test(url.pathname)) return undefined;
  const host = url.hostname; // lower case, IDN in punycode
  if (host === DEV_ENDPOINT_HOST) return DEV_WEB_BASE;
  if (!host.startsWith(PREFIX)) return undefined;
  const web = host.slice(PREFIX.length);
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(web)) return undefined;
  return `https://${web}`;
}

/** A slug as one path segment; undefined for '', '.' and '..' (a browser would resolve those to another page). */
function segment(slug: string): string | undefined {
  return slug === '' || slug === '.' || slug === '..' ? undefined : encodeURIComponent(slug);
}

/** `<web base>/<org slug>`, the slug URL-encoded; undefined when the web base cannot be told or the slug is not usable. */
export function organizationWebUrl(endpoint: string, orgSlug: string): string | undefined {
  const base = webBaseOf(endpoint);
  const org = segment(orgSlug);
  return base && org ? `${base}/${org}` : undefined;
}

/** `<web base>/<org slug>/<project slug>`, each slug URL-encoded; undefined when the web base or a slug is missing. */
export function projectWebUrl(endpoint: string, orgSlug: string, projectSlug: string): string | undefined {
  const org = organizationWebUrl(endpoint, orgSlug);
  const project = segment(projectSlug);
  return org && project ? `${org}/${project}` : undefined;
}
