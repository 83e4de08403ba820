import type { HttpClient, HttpClientModule, HttpClientOptions } from './types';

let loaded: HttpClientModule | undefined;

/**
 * Returns an HttpClient whose undici stack is required on the first request, not at activation.
 * In the bundle, esbuild rewrites './undiciHttpClient' to the separate chunk './http.js'.
 */
export function createLazyHttpClient(options: HttpClientOptions): HttpClient {
  let inner: HttpClient | undefined;
  const get = (): HttpClient => {
    if (!inner) {
      loaded ??= require('./undiciHttpClient') as HttpClientModule;
      inner = loaded.createHttpClient(options);
    }
    return inner;
  };
  return {
    request: (req) => get().request(req),
    close: async () => {
      if (inner) await inner.close();
    },
  };
}

/** True once the undici chunk has been required (used by the benchmark). */
export function isHttpStackLoaded(): boolean {
  return loaded !== undefined;
}
