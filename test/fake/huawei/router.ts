import { FakeReply, FakeRequest, header } from '../http';
import { ArtifactEnv, listAllRepositories, listProjectUsers, showRepositoryRolesPrivilege } from './artifact';
import { TokenStore, authenticateHuawei } from './auth';
import { HuaweiError, apiNotFound, huaweiErrorReply, languageOf, newRequestId } from './errors';
import { createToken, listIamProjects } from './iam';
import { HuaweiData } from './model';

export interface HuaweiEnv {
  data: HuaweiData;
  tokens: TokenStore;
  nowMs: number;
  pageFault?: ArtifactEnv['pageFault'];
}

interface Route {
  /** Operation name as in the SDKs (used for fault matching and the request log). */
  operation: string;
  auth: 'none' | 'any-scope' | 'project-scope';
  handle: (req: FakeRequest, env: HuaweiEnv, ctx: ArtifactEnv, params: string[]) => FakeReply;
}

/**
 * Literal routes come before parameterised ones: /cloudartifact/v5/repositories/…
 * is overloaded upstream. Unknown path or wrong method → gateway 404 APIGW.0101, as the gateway does
 * before any authentication.
 */
function findRoute(method: string, segments: string[]): { route: Route; params: string[] } | undefined {
  const [a, b, c, d, e, f] = segments;
  const n = segments.length;
  if (method === 'POST' && n === 3 && a === 'v3' && b === 'auth' && c === 'tokens') {
    return {
      route: {
        operation: 'KeystoneCreateUserTokenByPassword',
        auth: 'none',
        handle: (req, env, ctx) => createToken(req, env.data, env.tokens, env.nowMs, ctx.requestId),
      },
      params: [],
    };
  }
  if (method === 'GET' && n === 2 && a === 'v3' && b === 'projects') {
    return {
      route: {
        operation: 'KeystoneListProjects',
        auth: 'any-scope',
        handle: (req, env, ctx) => listIamProjects(req, env.data, ctx.requestId),
      },
      params: [],
    };
  }
  if (method !== 'GET' || a !== 'cloudartifact' || b !== 'v5') return undefined;
  if (n === 6 && c === 'repositories' && f === 'privileges') {
    return {
      route: {
        operation: 'ShowRepositoryRolesPrivilege',
        auth: 'project-scope',
        handle: (_r, _e, ctx, p) => showRepositoryRolesPrivilege(p[0], p[1], ctx),
      },
      params: [d, e],
    };
  }
  if (n === 5 && c === 'projects' && e === 'users') {
    return {
      route: { operation: 'ListProjectUsers', auth: 'project-scope', handle: (req, _e, ctx, p) => listProjectUsers(p[0], req, ctx) },
      params: [d],
    };
  }
  if (n === 5 && e === 'repositories' && c !== 'repositories' && c !== 'projects') {
    return {
      route: {
        operation: 'ListAllRepositories',
        auth: 'project-scope',
        handle: (req, _e, ctx, p) => listAllRepositories(p[0], p[1], req, ctx),
      },
      params: [c, d],
    };
  }
  return undefined;
}

function segmentsOf(path: string): string[] | undefined {
  try {
    return path
      .split('/')
      .slice(1)
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

/** Operation name for a request (undefined when no route matches). */
export function huaweiOperation(method: string, path: string): string | undefined {
  const segments = segmentsOf(path);
  return segments ? findRoute(method, segments)?.route.operation : undefined;
}

export function handleHuawei(req: FakeRequest, env: HuaweiEnv): FakeReply {
  const requestId = newRequestId();
  const ctx: ArtifactEnv = {
    data: env.data,
    nowMs: env.nowMs,
    lang: languageOf(header(req, 'x-language')),
    requestId,
    pageFault: env.pageFault,
  };
  try {
    const segments = segmentsOf(req.path);
    const found = segments ? findRoute(req.method, segments) : undefined;
    if (!found) throw apiNotFound();
    if (found.route.auth !== 'none') authenticateHuawei(req, env.data, env.tokens, env.nowMs, found.route.auth === 'any-scope');
    return found.route.handle(req, env, ctx, found.params);
  } catch (err) {
    if (err instanceof HuaweiError) return huaweiErrorReply(err, requestId, env.nowMs);
    return huaweiErrorReply(new HuaweiError(500, 'CR.5000', 'internal error in fake server', 'v5'), requestId, env.nowMs);
  }
}
