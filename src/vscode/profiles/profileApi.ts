import { requestThrottle, throttleListener } from '../../core/access/limiter';
import { createCosceneApi } from '../../core/coscene/api';
import type { CosceneApi } from '../../core/coscene/model';
import type { HttpClient } from '../../core/http/types';
import type { ProfileInfo } from '../../core/profiles/profile';
import { requestTimeoutMs } from '../shared/httpSettings';
import type { Log } from '../shared/log';
import { guardUnauthenticated } from './guardedApi';

/** 429s the transport sees feed the access scans' back-off (core/access/limiter.ts). */
const feedThrottle = throttleListener(requestThrottle);

/**
 * The coScene API of one profile and token: each request logged (debug), 429s slowing the access scans, and every
 * `unauthenticated` answer reported to `onUnauthenticated` (the status bar turns to warning).
 */
export function createProfileApi(
  profile: ProfileInfo,
  token: string,
  http: HttpClient,
  log: Log,
  onUnauthenticated: () => void,
): CosceneApi {
  const inner = createCosceneApi({
    endpoint: profile.endpoint,
    token,
    profileName: profile.name,
    http,
    timeoutMs: requestTimeoutMs(),
    onRequest: (r) => {
      log.debug(
        `coScene ${r.procedure} (attempt ${r.attempt}) → ${r.status ?? 'no answer'}${r.error ? ` ${r.error}` : ''} in ${Math.round(r.durationMs)} ms`,
      );
      feedThrottle(r); // a running access scan slows down while the transport retries a 429
    },
  });
  return guardUnauthenticated(inner, onUnauthenticated);
}
