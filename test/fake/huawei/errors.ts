import { randomBytes } from 'node:crypto';
import { FakeReply } from '../http';

export const HUAWEI_CONTENT_TYPE = 'application/json;charset=UTF-8';
export type Language = 'zh-cn' | 'en-us';

/** Thrown by handlers; rendered in the v5 service envelope or the API-gateway shape. */
export class HuaweiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly errorCode: string,
    message: string,
    readonly envelope: 'v5' | 'gateway',
  ) {
    super(message);
  }
}

export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

let traceSeq = 0;
/** `<digits>-<epoch ms>-<seq>`, the shape of Huawei's example trace ids. */
export function newTraceId(nowMs: number): string {
  traceSeq = (traceSeq + 1) % 1000;
  return `143006-${nowMs}-${traceSeq}`;
}

export function huaweiJson(status: number, value: unknown, requestId: string, extra: Record<string, string> = {}): FakeReply {
  return { status, headers: { 'content-type': HUAWEI_CONTENT_TYPE, 'x-request-id': requestId, ...extra }, body: JSON.stringify(value) };
}

export function huaweiErrorReply(err: HuaweiError, requestId: string, nowMs: number, extra: Record<string, string> = {}): FakeReply {
  const body =
    err.envelope === 'gateway'
      ? { error_msg: err.message, error_code: err.errorCode, request_id: requestId }
      : { status: 'error', trace_id: newTraceId(nowMs), error_code: err.errorCode, error_msg: err.message };
  return huaweiJson(err.httpStatus, body, requestId, extra);
}

/** Gateway 401 (APIGW.0301). */
export function authFailure(detail: string): HuaweiError {
  return new HuaweiError(401, 'APIGW.0301', `Incorrect IAM authentication information: ${detail}`, 'gateway');
}

export function apiNotFound(): HuaweiError {
  return new HuaweiError(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment.', 'gateway');
}

const V5_MESSAGES: Record<string, Record<Language, string>> = {
  'CR.4102': { 'zh-cn': '当前用户没有该项目权限', 'en-us': 'The current user does not have the permission on the project.' },
  'CR.5000': { 'zh-cn': '未知服务错误', 'en-us': 'Unknown service error.' },
  'CR.4004': { 'zh-cn': '仓库不存在', 'en-us': 'The repository does not exist.' },
  'CR.4000': { 'zh-cn': '请求参数错误', 'en-us': 'Invalid request parameter.' },
};

const DEFAULT_STATUS: Record<string, number> = {
  'CR.4102': 403,
  'DEV.CR.4102': 400,
  'CR.5000': 500,
  'CR.4004': 404,
  'CR.4000': 400,
  'APIGW.0308': 429,
  'APIGW.0101': 404,
  'APIGW.0301': 401,
  'APIGW.0201': 400,
};

const GATEWAY_MESSAGES: Record<string, string> = {
  'APIGW.0308': 'The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute',
  'APIGW.0101': 'The API does not exist or has not been published in the environment.',
  'APIGW.0301': 'Incorrect IAM authentication information: verify aksk signature fail',
  'APIGW.0201': 'API request error.',
};

/** A CloudArtifact v5 error with the documented message for the caller's language (codes CR.4000/CR.4004 are invented). */
export function v5Error(errorCode: string, lang: Language, detail?: string): HuaweiError {
  const base = V5_MESSAGES[errorCode.replace(/^DEV\./, '')]?.[lang] ?? errorCode;
  return new HuaweiError(DEFAULT_STATUS[errorCode] ?? 400, errorCode, detail ? `${base}: ${detail}` : base, 'v5');
}

/** Build any error by code, defaulting status, message and envelope from the code (used by faults). */
export function errorForCode(
  errorCode: string,
  lang: Language,
  opts: { httpStatus?: number; message?: string; envelope?: 'v5' | 'gateway' } = {},
): HuaweiError {
  const envelope = opts.envelope ?? (errorCode.startsWith('APIGW.') ? 'gateway' : 'v5');
  const message = opts.message ?? GATEWAY_MESSAGES[errorCode] ?? v5Error(errorCode, lang).message;
  return new HuaweiError(opts.httpStatus ?? DEFAULT_STATUS[errorCode] ?? 500, errorCode, message, envelope);
}

export function languageOf(value: string | undefined): Language {
  return value?.toLowerCase() === 'en-us' ? 'en-us' : 'zh-cn';
}
