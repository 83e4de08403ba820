import type { CosceneApi } from '../../core/coscene/model';

/** True for a Connect `unauthenticated` error, however the transport wraps it. */
export function isUnauthenticated(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === 'unauthenticated') return true;
  }
  return false;
}

/** The same API, but every call that fails with `unauthenticated` also reports it (the status bar turns to warning). */
export function guardUnauthenticated(api: CosceneApi, onUnauthenticated: () => void): CosceneApi {
  return new Proxy(api, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((err: unknown) => {
          if (isUnauthenticated(err)) onUnauthenticated();
          throw err;
        });
      };
    },
  });
}
