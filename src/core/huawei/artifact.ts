/** CodeArts Artifact (CloudArtifact v5) client: privileges, repositories, project users (docs/protocol.md; which project id goes into the paths is unconfirmed). */
import { AccessError, msg } from '../errors';
import type { HttpClient, HttpResponse } from '../http/types';
import { registerSecret } from '../redact';
import { HuaweiApiError, parseHuaweiResponse, unreadableResponse } from './errors';
import { tokenNeedsRenewal } from './iam';
import type { ArtifactApi, HuaweiCredentials, HuaweiLanguage } from './model';
import { readProjectUsers, readRepositories, readRepositoryPrivileges } from './parse';
import { encodeRfc3986, signRequest } from './signer';

type AkSkCredentials = Extract<HuaweiCredentials, { kind: 'aksk' }>;

export interface ArtifactApiOptions {
  /** e.g. artifactEndpoint(region, override); no trailing slash needed. */
  endpoint: string;
  /** A function is called before every request, so it can renew tokens. */
  credentials: HuaweiCredentials | (() => Promise<HuaweiCredentials>);
  http: HttpClient;
  language: HuaweiLanguage;
  timeoutMs?: number;
  now?: () => Date;
  /** Finds the region's IAM project id for AK/SK credentials without `projectId` (e.g. IamApi.resolveProjectId). */
  resolveIamProjectId?: (credentials: AkSkCredentials, signal?: AbortSignal) => Promise<string>;
  /** Retries after 5xx and throttling, 0-2 (default 2). */
  maxRetries?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const BACKOFF_BASE_MS = 500;
/** A longer Retry-After is not waited for; the user gets the throttling message instead. */
const MAX_RETRY_WAIT_MS = 10_000;
const CODEARTS_PROJECT_ID = /^[a-z0-9]{32}$/;
const TENANT_ID = /^[A-Za-z0-9]{8,32}$/;

export function createArtifactApi(options: ArtifactApiOptions): ArtifactApi {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? abortableSleep;
  const maxRetries = Math.min(2, Math.max(0, Math.floor(options.maxRetries ?? 2)));
  const iamProjectIds = new Map<string, string>();

  async function authHeaders(
    method: 'GET',
    url: string,
    base: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<Record<string, string>> {
    const cred = typeof options.credentials === 'function' ? await options.credentials() : options.credentials;
    if (cred.kind === 'token') {
      registerSecret(cred.token.token);
      if (tokenNeedsRenewal(cred.token, now(), 0))
        throw new AccessError(msg('Your Huawei Cloud sign-in has expired. Sign in again.'), ['signIn']);
      return { ...base, 'X-Auth-Token': cred.token.token };
    }
    registerSecret(cred.sk);
    registerSecret(cred.securityToken);
    const headers = { ...base, 'X-Project-Id': await iamProjectId(cred, signal) };
    return { ...headers, ...signRequest({ method, url, headers }, cred, { date: now() }).headers };
  }

  async function iamProjectId(cred: AkSkCredentials, signal?: AbortSignal): Promise<string> {
    if (cred.projectId) return cred.projectId;
    const cacheKey = `${cred.region}\n${cred.ak}`;
    let id = iamProjectIds.get(cacheKey);
    if (!id) {
      if (!options.resolveIamProjectId) {
        throw new AccessError(msg('The IAM project ID of region {0} is not known. Sign in again.', cred.region), ['signIn']);
      }
      id = await options.resolveIamProjectId(cred, signal);
      iamProjectIds.set(cacheKey, id);
    }
    return id;
  }

  async function get(
    path: string,
    query: [string, string | number][],
    signal?: AbortSignal,
  ): Promise<{ json: unknown; res: HttpResponse }> {
    const search = query.map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(String(v))}`).join('&');
    const url = `${endpoint}${path}${search ? `?${search}` : ''}`;
    const base = { 'Content-Type': 'application/json', 'x-language': options.language };
    for (let attempt = 0; ; attempt++) {
      const headers = await authHeaders('GET', url, base, signal);
      const res = await options.http.request({ method: 'GET', url, headers, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal });
      try {
        return { json: parseHuaweiResponse(res, now().getTime()), res };
      } catch (error) {
        const wait =
          error instanceof HuaweiApiError && error.retryable ? (error.retryAfterMs ?? BACKOFF_BASE_MS * 2 ** attempt) : undefined;
        if (wait === undefined || attempt >= maxRetries || wait > MAX_RETRY_WAIT_MS) throw error;
        await sleep(wait, signal);
      }
    }
  }

  return {
    async getRepositoryPrivileges(projectId, repoId, signal) {
      checkProjectId(projectId);
      checkRepoId(repoId);
      const { json, res } = await get(`/cloudartifact/v5/repositories/${projectId}/${encodeRfc3986(repoId)}/privileges`, [], signal);
      return readRepositoryPrivileges(json, res.headers['x-request-id']) ?? failUnreadable(res);
    },

    async listRepositories(q, signal) {
      if (!TENANT_ID.test(q.tenantId)) {
        throw new AccessError(msg('The account (tenant) ID must be 8 to 32 letters and digits, but "{0}" was given.', shown(q.tenantId)), [
          'signIn',
        ]);
      }
      checkProjectId(q.projectId);
      const query: [string, string | number][] = [
        ['page_no', pageNumber(q.pageNo)],
        ['page_size', pageSize(q.pageSize)],
      ];
      if (q.qname?.trim()) query.push(['qname', q.qname.trim().slice(0, 50)]);
      const { json, res } = await get(`/cloudartifact/v5/${q.tenantId}/${q.projectId}/repositories`, query, signal);
      return readRepositories(json) ?? failUnreadable(res);
    },

    async listProjectUsers(projectId, repoId, pageNo, size, signal) {
      checkProjectId(projectId);
      checkRepoId(repoId);
      const query: [string, string | number][] = [
        ['repo_id', repoId],
        ['page_no', pageNumber(pageNo)],
        ['page_size', pageSize(size)],
      ];
      const { json, res } = await get(`/cloudartifact/v5/projects/${projectId}/users`, query, signal);
      return readProjectUsers(json) ?? failUnreadable(res);
    },
  };
}

function checkProjectId(projectId: string): void {
  if (!CODEARTS_PROJECT_ID.test(projectId)) {
    throw new AccessError(msg('The CodeArts project ID must be 32 lower-case letters and digits, but "{0}" was given.', shown(projectId)), [
      'signIn',
    ]);
  }
}

/** '.' and '..' would be resolved away by URL parsing and hit another API. */
function checkRepoId(repoId: string): void {
  if (!repoId.trim() || repoId === '.' || repoId === '..' || [...repoId].some((c) => c.charCodeAt(0) < 0x20)) {
    throw new AccessError(msg('The repository ID "{0}" is not valid.', shown(repoId)), ['showLogs']);
  }
}

function shown(value: string): string {
  return value.length > 64 ? `${value.slice(0, 64)}…` : value;
}

function pageNumber(n: number): number {
  return Number.isFinite(n) ? Math.max(1, Math.floor(n)) : 1;
}

function pageSize(n: number): number {
  return Number.isFinite(n) ? Math.min(100, Math.max(1, Math.floor(n))) : 10;
}

function failUnreadable(res: HttpResponse): never {
  throw unreadableResponse(res);
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
