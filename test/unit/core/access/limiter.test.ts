import * as assert from 'node:assert/strict';
import { AdaptiveLimiter, clampConcurrency, ThrottleSignal, throttleListener } from '../../../../src/core/access/limiter';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** A task that stays open until released, counting how many run at once. */
function gate() {
  let running = 0;
  let peak = 0;
  const open: (() => void)[] = [];
  const task = () =>
    new Promise<void>((resolve) => {
      running++;
      peak = Math.max(peak, running);
      open.push(() => {
        running--;
        resolve();
      });
    });
  return {
    task,
    releaseAll: () => open.splice(0).forEach((f) => f()),
    get running() {
      return running;
    },
    get peak() {
      return peak;
    },
  };
}

describe('AdaptiveLimiter', () => {
  it('never runs more than its limit at once, and runs everything', async () => {
    const limiter = new AdaptiveLimiter(3);
    const g = gate();
    const all = Array.from({ length: 10 }, () => limiter.run(g.task));
    await tick();
    for (let round = 0; round < 10 && g.running > 0; round++) {
      assert.ok(g.running <= 3);
      g.releaseAll();
      await tick();
    }
    await Promise.all(all);
    assert.equal(g.peak, 3);
  });

  it('clamps the setting to 1..32 and falls back to 8 for junk', () => {
    assert.deepEqual(
      [clampConcurrency(0), clampConcurrency(500), clampConcurrency('x'), clampConcurrency(4.7), clampConcurrency(undefined)],
      [1, 32, 8, 4, 8],
    );
    assert.equal(new AdaptiveLimiter(0).limit, 1);
  });

  it('a 429 halves the limit once per burst and holds new requests for Retry-After', async () => {
    const limiter = new AdaptiveLimiter(8);
    limiter.noteThrottled(80);
    limiter.noteThrottled(80); // same burst: not halved again
    assert.equal(limiter.limit, 4);
    const started = Date.now();
    await limiter.run(async () => undefined);
    assert.ok(Date.now() - started >= 70, `waited ${Date.now() - started} ms`);
    limiter.noteThrottled(0);
    assert.equal(limiter.limit, 2);
    assert.equal(limiter.lowestLimit, 2);
    assert.equal(limiter.throttled, 3);
  });

  it('gives slots back after a run of successes, up to the maximum', async () => {
    const limiter = new AdaptiveLimiter(4);
    limiter.noteThrottled(0);
    limiter.noteThrottled(0);
    assert.equal(limiter.limit, 1);
    for (let i = 0; i < 20; i++) await limiter.run(async () => undefined);
    assert.equal(limiter.limit, 4);
  });

  it('a waiting request is dropped when its signal aborts; the others go on', async () => {
    const limiter = new AdaptiveLimiter(1);
    const g = gate();
    const first = limiter.run(g.task);
    const controller = new AbortController();
    const second = limiter.run(async () => 'never', controller.signal);
    const third = limiter.run(async () => 'third');
    controller.abort();
    await assert.rejects(second, { name: 'AbortError' });
    g.releaseAll();
    await first;
    assert.equal(await third, 'third');
    assert.equal(limiter.inFlight, 0);
  });

  it('an urgent request (the next page of a list already read) goes ahead of the queue', async () => {
    const limiter = new AdaptiveLimiter(1);
    const g = gate();
    const order: string[] = [];
    const first = limiter.run(g.task);
    const queued = ['a', 'b'].map((name) => limiter.run(async () => void order.push(name)));
    const urgent = limiter.run(async () => void order.push('next page'), undefined, true);
    await tick();
    g.releaseAll();
    await Promise.all([first, ...queued, urgent]);
    assert.deepEqual(order, ['next page', 'a', 'b']);
  });

  it('a failing task frees its slot', async () => {
    const limiter = new AdaptiveLimiter(1);
    await assert.rejects(
      limiter.run(async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await limiter.run(async () => 42), 42);
  });

  it('the transport listener turns 429 answers into throttle signals with their Retry-After', () => {
    const signal = new ThrottleSignal();
    const seen: (number | undefined)[] = [];
    const stop = signal.subscribe((ms) => seen.push(ms));
    const listen = throttleListener(signal);
    listen({ procedure: 'UserService/ListUsers', status: 429, durationMs: 1, attempt: 1, error: 'resource_exhausted', retryAfterMs: 2000 });
    listen({ procedure: 'UserService/ListUsers', status: 200, durationMs: 1, attempt: 1 });
    listen({ procedure: 'UserService/ListUsers', status: 503, durationMs: 1, attempt: 1, error: 'unavailable' });
    stop();
    listen({ procedure: 'UserService/ListUsers', status: 429, durationMs: 1, attempt: 2 });
    assert.deepEqual(seen, [2000]);
  });
});
