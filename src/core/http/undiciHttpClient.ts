// PLACEHOLDER (owned by the API client work, issue 3): minimal undici client; gets proxies, CA, limits.
import { Agent, request } from 'undici';
import type { HttpClient, HttpClientOptions, HttpRequest, HttpResponse } from './types';

export function createHttpClient(_options: HttpClientOptions): HttpClient {
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  return {
    async request(req: HttpRequest): Promise<HttpResponse> {
      const res = await request(req.url, { method: req.method, headers: req.headers, body: req.body, dispatcher: agent, signal: req.signal });
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v ?? '');
      return { status: res.statusCode, headers, body: await res.body.text() };
    },
    close: () => agent.close(),
  };
}
