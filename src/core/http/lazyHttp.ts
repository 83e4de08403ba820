import type { HttpClient, HttpClientModule, HttpClientOptions } from './types';

let loaded: HttpClientModule | undefined;

/** Requires the undici stack (the first request does it otherwise). */
export function loadHttpStack(): HttpClientModule {
  loaded ??= require('./undiciHttpClient') as HttpClientModule;
  return loaded;
}

/**
 * Returns an HttpClient whose undici stack is required on the first request, not at activation: esbuild wraps a
 * module that is require()d in a function run on the first require, and `undici` itself is the separate
 * dist/undici.js (esbuild.mjs).
 */
export function createLazyHttpClient(options: HttpClientOptions): HttpClient {
  let inner: HttpClient | undefined;
  const get = (): HttpClient => {
    if (!inner) {
      inner = loadHttpStack().createHttpClient(options);
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
