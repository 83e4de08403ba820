import * as errors from '../errors';
import * as redact from '../redact';
import * as networkError from './networkError';
import type { HttpClient, HttpClientModule, HttpClientOptions } from './types';

/**
 * The bundled chunk takes these modules from here instead of carrying copies (esbuild.mjs, sharedWithExtension):
 * its errors must be this bundle's classes and its secrets go to this bundle's registry. Unbundled, it is unused.
 */
const SHARED_MODULES = Symbol.for('coscene-access.http-shared-modules');

let loaded: HttpClientModule | undefined;

/**
 * Returns an HttpClient whose undici stack is required on the first request, not at activation.
 * In the bundle, esbuild rewrites './undiciHttpClient' to the separate chunk './http.js'.
 */
export function createLazyHttpClient(options: HttpClientOptions): HttpClient {
  let inner: HttpClient | undefined;
  const get = (): HttpClient => {
    if (!inner) {
      (globalThis as Record<symbol, unknown>)[SHARED_MODULES] ??= { errors, redact, networkError };
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
