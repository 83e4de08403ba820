/** IAM calls: password → project-scoped token, and the region's IAM project id for AK/SK (docs/protocol.md). */
import { AccessError, msg } from '../errors';
import type { HttpClient, HttpResponse } from '../http/types';
import { registerSecret } from '../redact';
import { isRecord } from '../json';
import { parseHuaweiError, parseHuaweiResponse, unreadableResponse } from './errors';
import type { IamApi, IamToken } from './model';
import { encodeRfc3986, signRequest } from './signer';

export interface IamApiOptions {
  /** e.g. iamEndpoint(region); no trailing slash. */
  endpoint: string;
  http: HttpClient;
  timeoutMs?: number;
  now?: () => Date;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const ONE_HOUR_MS = 60 * 60 * 1000;

export function createIamApi(options: IamApiOptions): IamApi {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());

  return {
    async passwordToken(input, signal) {
      registerSecret(input.password);
      const body = JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: input.userName, password: input.password, domain: { name: input.domainName } } },
          },
          scope: { project: { name: input.region } },
        },
      });
      const res = await options.http.request({
        method: 'POST',
        url: `${endpoint}/v3/auth/tokens?nocatalog=true`,
        headers: { 'Content-Type': 'application/json;charset=utf8' },
        body,
        timeoutMs,
        signal,
      });
      if (res.status === 401) throw wrongPassword(res);
      const json = parseHuaweiResponse(res);
      const token = res.headers['x-subject-token'];
      registerSecret(token);
      return toIamToken(token, json, res);
    },

    async resolveProjectId(credentials, signal) {
      registerSecret(credentials.sk);
      registerSecret(credentials.securityToken);
      const url = `${endpoint}/v3/projects?name=${encodeRfc3986(credentials.region)}`;
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      Object.assign(headers, signRequest({ method: 'GET', url, headers }, credentials, { date: now() }).headers);
      const res = await options.http.request({ method: 'GET', url, headers, timeoutMs, signal });
      const json = parseHuaweiResponse(res, now().getTime());
      const projects = isRecord(json) && Array.isArray(json.projects) ? json.projects.filter(isRecord) : undefined;
      if (!projects) throw unreadableResponse(res);
      const ids = projects.map((p) => (typeof p.id === 'string' ? p.id : '')).filter(Boolean);
      if (ids.length === 0) {
        throw new AccessError(msg('No IAM project named "{0}" was found for this account. Check the region.', credentials.region), [
          'openHuaweiSettings',
        ]);
      }
      if (ids.length > 1) {
        throw new AccessError(
          msg('{0} IAM projects are named "{1}", so the project cannot be chosen automatically.', ids.length, credentials.region),
          ['showLogs'],
        );
      }
      return ids[0];
    },
  };
}

/** True when the token expires within `marginMs` of `now` (or its expiry cannot be read). */
export function tokenNeedsRenewal(token: IamToken, now: Date, marginMs: number = ONE_HOUR_MS): boolean {
  const expires = Date.parse(token.expiresAt);
  return Number.isNaN(expires) || expires - now.getTime() <= marginMs;
}

function wrongPassword(res: HttpResponse): AccessError {
  const parsed = parseHuaweiError(res.status, res.headers, res.body);
  return new AccessError(
    msg(
      'Huawei Cloud IAM rejected the sign-in. Check the account name, IAM user name and password. (code {0}, trace {1})',
      parsed.errorCode,
      parsed.requestId ?? '-',
    ),
    ['signIn'],
    parsed.detail,
  );
}

function toIamToken(token: string | undefined, json: unknown, res: HttpResponse): IamToken {
  const t = isRecord(json) && isRecord(json.token) ? json.token : undefined;
  const project = t && isRecord(t.project) ? t.project : undefined;
  const user = t && isRecord(t.user) ? t.user : undefined;
  const domain =
    (user && isRecord(user.domain) ? user.domain : undefined) ?? (project && isRecord(project.domain) ? project.domain : undefined);
  const expires = typeof t?.expires_at === 'string' ? Date.parse(t.expires_at) : NaN;
  if (!token || Number.isNaN(expires) || typeof project?.id !== 'string' || typeof domain?.id !== 'string') throw unreadableResponse(res);
  return {
    token,
    expiresAt: new Date(expires).toISOString(),
    projectId: project.id,
    domainId: domain.id,
    userName: typeof user?.name === 'string' ? user.name : '',
  };
}
