import type { HttpClient, HttpRequest, HttpResponse } from '../../../../src/core/http/types';

export type Step = HttpResponse | Error | ((req: HttpRequest) => HttpResponse | Error | Promise<HttpResponse>);

/** An HttpClient that answers from a script, one step per request, and records the requests. */
export function scriptedHttp(steps: Step[]): HttpClient & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async request(req) {
      requests.push(req);
      const step = steps[requests.length - 1];
      if (step === undefined) throw new Error(`unexpected request #${requests.length}`);
      const result = typeof step === 'function' ? await step(req) : step;
      if (result instanceof Error) throw result;
      return result;
    },
    close: async () => undefined,
  };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
