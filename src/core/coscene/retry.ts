import { NetworkError } from '../http/networkError';
import { CosceneApiError, type ConnectCode } from './apiErrors';

/** cocli's unary retry interceptor (docs/protocol.md): 3 retries, 1 s → 5 s, ×2, jitter 0.5. */
export const RETRY_POLICY = {
  maxRetries: 3,
  initialDelayMs: 1000,
  maxDelayMs: 5000,
  multiplier: 2,
  jitter: 0.5,
  /** Longest Retry-After honoured; a larger value is cut to this so a view never waits minutes. */
  maxRetryAfterMs: 30_000,
} as const;

const RETRYABLE_CODES: ReadonlySet<ConnectCode> = new Set(['unknown', 'internal', 'unavailable', 'aborted', 'resource_exhausted']);

export function isRetryable(err: unknown): boolean {
  if (err instanceof CosceneApiError) return RETRYABLE_CODES.has(err.code);
  if (err instanceof NetworkError) return err.retryable;
  return false;
}

/** Delay before retry number `retryIndex` (0-based): base 1, 2, 4 s capped at 5 s, ±50 % jitter, never above 5 s. */
export function backoffDelayMs(retryIndex: number, random: () => number): number {
  const { initialDelayMs, maxDelayMs, multiplier, jitter } = RETRY_POLICY;
  const base = Math.min(maxDelayMs, initialDelayMs * multiplier ** retryIndex);
  const factor = 1 + jitter * (2 * clamp01(random()) - 1);
  return Math.round(Math.min(maxDelayMs, base * factor));
}

/** Retry-After as seconds or an HTTP date → ms from `now`, capped; undefined when absent or unparsable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(RETRY_POLICY.maxRetryAfterMs, Math.max(0, Math.round(ms)));
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0.5;
}
