import { ConnectError, connectErrorReply } from '../connect';
import { FakeReply, FakeRequest, header, jsonReply } from '../http';
import { authenticate } from './auth';
import { CredentialIssuer } from './credentials';
import { CosceneData } from './model';
import { PageFault } from './paging';
import { LIST_PROCEDURES, PROCEDURES, SERVICE_PREFIX } from './procedures';
import { decodeMessage } from './request';

export interface CosceneRouteInfo {
  /** "<Service>/<Method>", or undefined when the path names no implemented procedure. */
  key?: string;
  /** Method name, e.g. "ListUsers" (for fault matching and request logs). */
  method?: string;
  isList: boolean;
}

export function isCoscenePath(path: string): boolean {
  return path.startsWith(`/${SERVICE_PREFIX}`);
}

export function cosceneRouteInfo(path: string): CosceneRouteInfo {
  const match = /^\/coscene\.openapi\.dataplatform\.v1alpha1\.services\.([A-Za-z]+)\/([A-Za-z]+)$/.exec(path);
  if (!match) return { isList: false };
  const key = `${match[1]}/${match[2]}`;
  return { key: PROCEDURES[key] ? key : undefined, method: match[2], isList: LIST_PROCEDURES.has(key) };
}

export interface CosceneEnv {
  data: CosceneData;
  credentials: CredentialIssuer;
  nowMs: number;
  pageFault: PageFault;
}

/**
 * Connect unary JSON, in connect-go's order of checks: unknown procedure → 404 with code
 * `unimplemented` (connect-go answers 404 from its mux; clients map 404 to unimplemented as well);
 * non-POST → 405 + Allow; content type other than application/json → 415 + Accept-Post;
 * Connect-Protocol-Version other than "1" → invalid_argument. Then auth, decoding, the procedure.
 */
export function handleCoscene(req: FakeRequest, env: CosceneEnv): FakeReply {
  const route = cosceneRouteInfo(req.path);
  if (!route.key) return connectErrorReply('unimplemented', `${req.path} is not implemented`, 404);
  if (req.method !== 'POST') return { status: 405, headers: { allow: 'POST' }, body: '' };
  const contentType = (header(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (contentType !== 'application/json') {
    return { status: 415, headers: { 'accept-post': 'application/json' }, body: '' };
  }
  const version = header(req, 'connect-protocol-version');
  if (version !== undefined && version !== '1') {
    return connectErrorReply('invalid_argument', `connect-protocol-version must be "1": got "${version}"`);
  }
  const encoding = header(req, 'content-encoding');
  if (encoding !== undefined && encoding !== 'identity') {
    return connectErrorReply('unimplemented', `unknown compression "${encoding}": supported encodings are identity`);
  }
  try {
    const caller = authenticate(req, env.data, env.nowMs);
    const message = decodeMessage(req.body);
    const result = PROCEDURES[route.key](message, { data: env.data, caller, credentials: env.credentials, pageFault: env.pageFault });
    return jsonReply(200, result);
  } catch (err) {
    if (err instanceof ConnectError) return connectErrorReply(err.code, err.message);
    return connectErrorReply('internal', 'internal error in fake server');
  }
}
