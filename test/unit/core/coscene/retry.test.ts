import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { errorFromResponse } from '../../../../src/core/coscene/apiErrors';
import { backoffDelayMs, isRetryable, parseRetryAfter, RETRY_POLICY } from '../../../../src/core/coscene/retry';
import { msg } from '../../../../src/core/errors';
import { NetworkError, type NetworkErrorKind } from '../../../../src/core/http/networkError';

const CTX = { procedure: 'RoleService/ListRoles', profileName: 'p', origin: 'https://h' };

describe('retry policy', () => {
  it('retries exactly the codes cocli retries', () => {
    const retried = ['unknown', 'internal', 'unavailable', 'aborted', 'resource_exhausted'];
    const notRetried = [
      'unauthenticated',
      'permission_denied',
      'invalid_argument',
      'not_found',
      'already_exists',
      'failed_precondition',
      'unimplemented',
      'deadline_exceeded',
      'canceled',
    ];
    for (const code of retried) assert.ok(isRetryable(errorFromResponse(500, JSON.stringify({ code }), CTX)), code);
    for (const code of notRetried) assert.ok(!isRetryable(errorFromResponse(400, JSON.stringify({ code }), CTX)), code);
  });

  it('retries network failures only where the server did not answer', () => {
    const kinds: Record<NetworkErrorKind, boolean> = {
      connect: true,
      reset: true,
      timeout: true,
      dns: false,
      tls: false,
      aborted: false,
      'too-large': false,
      other: false,
    };
    for (const [kind, expected] of Object.entries(kinds)) {
      assert.equal(isRetryable(new NetworkError(kind as NetworkErrorKind, msg('x'))), expected, kind);
    }
    assert.ok(!isRetryable(new Error('plain')));
  });

  it('backs off 1 s, 2 s, 4 s around the middle of the jitter range', () => {
    assert.deepEqual(
      [0, 1, 2].map((i) => backoffDelayMs(i, () => 0.5)),
      [1000, 2000, 4000],
    );
  });

  it('keeps every delay within ±50 % of its base and never above 5 s', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 1, noNaN: true }), (retry, r) => {
        const base = Math.min(5000, 1000 * 2 ** retry);
        const delay = backoffDelayMs(retry, () => r);
        return delay >= base * 0.5 && delay <= Math.min(5000, base * 1.5);
      }),
    );
  });

  it('survives a broken random source', () => {
    assert.equal(
      backoffDelayMs(0, () => NaN),
      1000,
    );
    assert.equal(
      backoffDelayMs(0, () => 7),
      1500,
    );
  });

  it('parses Retry-After seconds and HTTP dates, capped at 30 s', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter(' 1.5 ', now), 1500);
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:07 GMT', now), 7000);
    assert.equal(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('3600', now), RETRY_POLICY.maxRetryAfterMs);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });
});
