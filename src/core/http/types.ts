import type { Msg } from '../errors';

/** The one HTTP seam of the core. Implemented over undici in undiciHttpClient.ts, loaded lazily. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  /** Header names as the caller wants them sent. */
  headers: Record<string, string>;
  body?: string;
  /** Whole-request budget (connect + headers + body); the client also has its own connect/header timeouts. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

export interface ProxySettings {
  /** Explicit proxy URL (VS Code `http.proxy`); falls back to HTTPS_PROXY / HTTP_PROXY env. */
  proxy?: string;
  /** Comma-separated hosts (VS Code `http.noProxy` joined, or NO_PROXY env). */
  noProxy?: string;
  /** `http.proxyStrictSSL`. */
  strictSSL?: boolean;
}

export interface HttpClientOptions {
  proxy?: ProxySettings;
  /** PEM bundle added to the trusted CAs. */
  caFile?: string;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Largest response body accepted, in bytes (default 20 MB). */
  maxBodyBytes?: number;
  /** Whole-request budget when a request sets no `timeoutMs` (default 60 s). */
  requestTimeoutMs?: number;
  /** Environment for HTTPS_PROXY / HTTP_PROXY / NO_PROXY (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Sent on every request unless the request sets its own; see userAgent() (default `coscene-access`). */
  userAgent?: string;
  /** Told once about settings that weaken security (e.g. http.proxyStrictSSL off); the adapter logs it. */
  onWarning?: (warning: Msg) => void;
}

export interface HttpClientModule {
  createHttpClient(options: HttpClientOptions): HttpClient;
}

/** `coscene-access/<version> (vscode/<version>)`: some gateways refuse requests without a User-Agent. */
export function userAgent(extensionVersion: string, vscodeVersion: string): string {
  const clean = (v: string) => v.replace(/[^\w.+-]/g, '') || 'unknown';
  return `coscene-access/${clean(extensionVersion)} (vscode/${clean(vscodeVersion)})`;
}
