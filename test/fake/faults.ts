import { ConnectCode, connectErrorReply, isConnectCode } from './connect';
import { FakeReply } from './http';
import { Language, errorForCode, huaweiErrorReply, huaweiJson, newTraceId } from './huawei/errors';

export type FakeApi = 'coscene' | 'huawei';

export interface FaultMatch {
  /** Method or operation name ('ListUsers', 'ShowRepositoryRolesPrivilege'), 'UserService/ListUsers', or the full path. */
  procedure?: string;
  /** Prefix of the URL path, e.g. '/cloudartifact/v5/repositories/'. */
  pathPrefix?: string;
  api?: FakeApi;
}

interface FaultCommon {
  match?: FaultMatch;
  /** How many matching calls this fault affects: default 1; Infinity in-process, -1 over HTTP. */
  times?: number;
  /** Adds `Retry-After: <seconds>` to the faulted response. */
  retryAfterSeconds?: number;
}

export type FaultSpec = FaultCommon &
  (
    | { kind: 'connect-error'; code: ConnectCode; message?: string; httpStatus?: number }
    | { kind: 'huawei-error'; errorCode: string; httpStatus?: number; message?: string; envelope?: 'v5' | 'gateway' }
    /** HTTP 200 whose v5 envelope says status:"error" (default error code CR.4102). */
    | { kind: 'status-error-200'; errorCode?: string; message?: string }
    /** Delay before answering (combines with one other fault). */
    | { kind: 'latency'; ms: number }
    /**
     * The server's clock runs `offsetMs` ahead (negative: behind) of real time: AK/SK signatures more than 15 minutes off
     * are refused with the real gateway message, tokens expire by it, and the `Date` header shows it (combines with one other fault).
     */
    | { kind: 'clock-skew'; offsetMs: number }
    /** Truncated JSON body with a JSON content type (default HTTP 200). */
    | { kind: 'malformed-json'; httpStatus?: number }
    /** An HTML error page, as a proxy would send (default HTTP 502). */
    | { kind: 'html'; httpStatus?: number }
    /** Destroy the socket without a response. */
    | { kind: 'reset' }
    /** Never answer; the socket is closed only when the server closes. */
    | { kind: 'hang' }
    /** Send the real response, its body dripped over `ms`. */
    | { kind: 'slow-body'; ms: number }
    /** 200 with a valid JSON body of about `bytes` (default 10 MiB). */
    | { kind: 'huge-body'; bytes?: number }
    /** List calls: nextPageToken = the token just sent (first page: a token for page one again). */
    | { kind: 'repeat-page-token' }
    /** List calls: no items but a non-empty nextPageToken that leads to the data. */
    | { kind: 'empty-page-with-token' }
    /** coScene token-paged lists: full pages (the data again, round and round) and a new, never-seen nextPageToken forever. */
    | { kind: 'endless-pages' }
  );

export type FaultKind = FaultSpec['kind'];

export interface FaultController {
  add(spec: FaultSpec): void;
  clear(): void;
}

export interface FaultTarget {
  api: FakeApi;
  path: string;
  /** Method / operation name and "<Service>/<Method>" when known. */
  names: string[];
  isList: boolean;
}

const PAGE_FAULTS: FaultKind[] = ['repeat-page-token', 'empty-page-with-token', 'endless-pages'];
/** Kinds that change how a call is answered and combine with one other fault. */
const MODIFIERS: FaultKind[] = ['latency', 'clock-skew'];

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

export class FaultRegistry implements FaultController {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!(times > 0 || times === Infinity)) throw new Error('fault times must be a positive number or Infinity');
    this.faults.push({ spec, remaining: times });
  }

  clear(): void {
    this.faults = [];
  }

  /** Consumes and returns at most one latency fault, one clock skew and one other fault matching this call. */
  take(target: FaultTarget): { delay?: FaultSpec & { kind: 'latency' }; clock?: FaultSpec & { kind: 'clock-skew' }; outcome?: FaultSpec } {
    const delay = this.takeFirst(target, (s) => s.kind === 'latency') as (FaultSpec & { kind: 'latency' }) | undefined;
    const clock = this.takeFirst(target, (s) => s.kind === 'clock-skew') as (FaultSpec & { kind: 'clock-skew' }) | undefined;
    const outcome = this.takeFirst(target, (s) => !MODIFIERS.includes(s.kind) && (!PAGE_FAULTS.includes(s.kind) || target.isList));
    return { delay, clock, outcome };
  }

  private takeFirst(target: FaultTarget, eligible: (spec: FaultSpec) => boolean): FaultSpec | undefined {
    const found = this.faults.find((f) => eligible(f.spec) && matches(f.spec.match, target));
    if (!found) return undefined;
    found.remaining -= 1;
    if (found.remaining <= 0) this.faults = this.faults.filter((f) => f !== found);
    return found.spec;
  }
}

function matches(match: FaultMatch | undefined, target: FaultTarget): boolean {
  if (!match) return true;
  if (match.api && match.api !== target.api) return false;
  if (match.pathPrefix && !target.path.startsWith(match.pathPrefix)) return false;
  if (match.procedure) {
    const p = match.procedure;
    if (p !== target.path && p !== target.path.slice(1) && !target.names.includes(p)) return false;
  }
  return true;
}

/** The reply a fault substitutes for the real one; undefined for kinds that alter delivery or paging instead. */
export function faultReply(spec: FaultSpec, lang: Language, requestId: string, nowMs: number): FakeReply | undefined {
  const reply = baseFaultReply(spec, lang, requestId, nowMs);
  if (reply && spec.retryAfterSeconds !== undefined) reply.headers['retry-after'] = String(spec.retryAfterSeconds);
  return reply;
}

function baseFaultReply(spec: FaultSpec, lang: Language, requestId: string, nowMs: number): FakeReply | undefined {
  switch (spec.kind) {
    case 'connect-error':
      return connectErrorReply(spec.code, spec.message ?? `injected ${spec.code}`, spec.httpStatus);
    case 'huawei-error':
      return huaweiErrorReply(errorForCode(spec.errorCode, lang, spec), requestId, nowMs);
    case 'status-error-200': {
      const err = errorForCode(spec.errorCode ?? 'CR.4102', lang, { message: spec.message });
      return huaweiJson(
        200,
        { status: 'error', trace_id: newTraceId(nowMs), error_code: err.errorCode, error_msg: err.message },
        requestId,
      );
    }
    case 'malformed-json':
      return { status: spec.httpStatus ?? 200, headers: { 'content-type': 'application/json' }, body: '{"users":[{"name":"users/' };
    case 'html':
      return {
        status: spec.httpStatus ?? 502,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>',
      };
    case 'huge-body': {
      const bytes = Math.max(32, Math.floor(spec.bytes ?? 10 * 1024 * 1024));
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: `{"padding":"${'x'.repeat(bytes - '{"padding":""}'.length)}"}`,
      };
    }
    default:
      return undefined;
  }
}

/** Every kind of fault the fake can inject. */
export const FAULT_KINDS: readonly FaultKind[] = [
  'connect-error',
  'huawei-error',
  'status-error-200',
  'latency',
  'clock-skew',
  'malformed-json',
  'html',
  'reset',
  'hang',
  'slow-body',
  'huge-body',
  'repeat-page-token',
  'empty-page-with-token',
  'endless-pages',
];

/** Validates a fault spec received as JSON (POST /__fake/faults); `times: -1` means forever. */
export function parseFaultSpec(value: unknown): FaultSpec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('a fault spec must be a JSON object');
  const spec = { ...(value as Record<string, unknown>) };
  if (!FAULT_KINDS.includes(spec.kind as FaultKind))
    throw new Error(`unknown fault kind ${JSON.stringify(spec.kind)}; known: ${FAULT_KINDS.join(', ')}`);
  if (spec.times === -1) spec.times = Infinity;
  if (spec.times !== undefined && !(typeof spec.times === 'number' && spec.times > 0))
    throw new Error('times must be a positive number or -1');
  if (spec.kind === 'connect-error' && !isConnectCode(spec.code))
    throw new Error('connect-error needs a Connect "code", e.g. "unavailable"');
  if (spec.kind === 'huawei-error' && typeof spec.errorCode !== 'string')
    throw new Error('huawei-error needs an "errorCode", e.g. "CR.4102"');
  if (spec.kind === 'clock-skew' && !(typeof spec.offsetMs === 'number' && Number.isFinite(spec.offsetMs)))
    throw new Error('clock-skew needs "offsetMs", e.g. 1200000 (server 20 minutes ahead)');
  if ((spec.kind === 'latency' || spec.kind === 'slow-body') && !(typeof spec.ms === 'number' && spec.ms >= 0))
    throw new Error(`${String(spec.kind)} needs "ms" ≥ 0`);
  return spec as unknown as FaultSpec;
}
