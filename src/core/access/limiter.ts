import type { RequestEvent } from '../coscene/transport';

/**
 * Bounded concurrency that backs off when the server limits requests: a 429 / resource_exhausted halves the number
 * of requests in flight (once per pause) and holds new ones until Retry-After has passed; every `limit` successes
 * in a row give one slot back, up to the maximum.
 */
export const LIMITER_BOUNDS = {
  defaultConcurrency: 8,
  maxConcurrency: 32,
  /** Pause when the server limits requests without saying for how long. */
  defaultPauseMs: 1000,
  /** Times one request is tried again after the server limited it (beyond the transport's own retries). */
  maxThrottleRetries: 5,
} as const;

export function clampConcurrency(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : LIMITER_BOUNDS.defaultConcurrency;
  return Math.min(LIMITER_BOUNDS.maxConcurrency, Math.max(1, n));
}

interface Waiter {
  grant: () => void;
}

export class AdaptiveLimiter {
  private current: number;
  private active = 0;
  private readonly queue: Waiter[] = [];
  private pausedUntil = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private streak = 0;
  private throttles = 0;
  private lowest: number;

  constructor(
    readonly max: number = LIMITER_BOUNDS.defaultConcurrency,
    private readonly now: () => number = Date.now,
  ) {
    this.max = clampConcurrency(max);
    this.current = this.max;
    this.lowest = this.max;
  }

  /** Requests allowed in flight now. */
  get limit(): number {
    return this.current;
  }
  get inFlight(): number {
    return this.active;
  }
  /** How many times the server limited requests. */
  get throttled(): number {
    return this.throttles;
  }
  /** The smallest limit reached (for reports and benchmarks). */
  get lowestLimit(): number {
    return this.lowest;
  }

  /**
   * Runs `task` when a slot is free and no pause is on. `urgent` goes ahead of the queue: the next page of a list
   * already being read, so a long list is not held up behind every first page.
   */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal, urgent = false): Promise<T> {
    await this.acquire(signal, urgent);
    try {
      const result = await task();
      this.noteSuccess();
      return result;
    } finally {
      this.active--;
      this.pump();
    }
  }

  /** The server limited a request: fewer in flight, and nothing new before `retryAfterMs` (or a default pause). */
  noteThrottled(retryAfterMs?: number): void {
    this.throttles++;
    this.streak = 0;
    const now = this.now();
    // One burst of 429s (several requests in flight at once) counts as one signal, not one halving each.
    if (now >= this.pausedUntil) this.current = Math.max(1, Math.floor(this.current / 2));
    this.lowest = Math.min(this.lowest, this.current);
    this.pausedUntil = Math.max(this.pausedUntil, now + Math.max(0, retryAfterMs ?? LIMITER_BOUNDS.defaultPauseMs));
    this.pump();
  }

  private noteSuccess(): void {
    if (this.current >= this.max) return;
    if (++this.streak >= this.current) {
      this.streak = 0;
      this.current++;
    }
  }

  private acquire(signal: AbortSignal | undefined, urgent: boolean): Promise<void> {
    signal?.throwIfAborted();
    if (this.queue.length === 0 && this.active < this.current && this.now() >= this.pausedUntil) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const i = this.queue.indexOf(waiter);
        if (i >= 0) this.queue.splice(i, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      if (urgent) this.queue.unshift(waiter);
      else this.queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pump();
    });
  }

  private pump(): void {
    const wait = this.pausedUntil - this.now();
    if (wait > 0) {
      if (this.queue.length > 0 && this.timer === undefined) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, wait);
      }
      return;
    }
    while (this.queue.length > 0 && this.active < this.current) {
      this.active++;
      this.queue.shift()?.grant();
    }
  }
}

/** A per-profile hub the transport's request log feeds (status 429), so a running scan slows down at once. */
export class ThrottleSignal {
  private readonly listeners = new Set<(retryAfterMs?: number) => void>();

  emit(retryAfterMs?: number): void {
    for (const listener of [...this.listeners]) listener(retryAfterMs);
  }

  subscribe(listener: (retryAfterMs?: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The extension's hub: the active profile's transport feeds it, access scans listen (see AccessSession). */
export const requestThrottle = new ThrottleSignal();

/** For the transport's onRequest: every answer that says the server is limiting requests feeds `signal`. */
export function throttleListener(signal: ThrottleSignal): (event: RequestEvent) => void {
  return (event) => {
    if (event.status === 429 || event.error === 'resource_exhausted') signal.emit(event.retryAfterMs);
  };
}
