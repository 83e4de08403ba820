import * as assert from 'node:assert/strict';
import { clientFailureSummary } from '../../../../src/core/registry/clientOutput';
import { isReusable, StoredCredential } from '../../../../src/core/registry/storedCredential';

const stored: StoredCredential = {
  host: 'cr.coscene.cn',
  profile: 'work',
  endpoint: 'https://openapi.coscene.cn',
  username: 'u',
  password: 'p',
  createdAt: 1_000_000,
};
const query = {
  host: 'cr.coscene.cn',
  profile: 'work',
  endpoint: 'https://openapi.coscene.cn',
  lifetimeMinutes: 30,
  now: 1_000_000 + 29 * 60_000,
};

describe('stored registry credential reuse', () => {
  it('is reused within the lifetime for the same host and profile', () => assert.ok(isReusable(stored, query)));
  it('expires at the lifetime', () => assert.ok(!isReusable(stored, { ...query, now: 1_000_000 + 30 * 60_000 })));
  it('lifetime 0 means always create a new one', () => assert.ok(!isReusable(stored, { ...query, lifetimeMinutes: 0 })));
  it('another host, profile or endpoint does not reuse it', () => {
    assert.ok(!isReusable(stored, { ...query, host: 'cr.coscene.io' }));
    assert.ok(!isReusable(stored, { ...query, profile: 'other' }));
    assert.ok(!isReusable(stored, { ...query, endpoint: 'https://openapi.coscene.io' }));
  });
  it('a credential from the future (clock change) is not reused', () => assert.ok(!isReusable(stored, { ...query, now: 0 })));
  it('nothing stored → not reusable', () => assert.ok(!isReusable(undefined, query)));
});

describe('client failure summary', () => {
  it('drops docker info lines and keeps the reason', () => {
    const stderr = [
      'time="2026-01-01T00:00:00Z" level=info msg="Error logging in to endpoint, trying next endpoint" endpoint="{false https://127.0.0.1:5099}"',
      'login attempt to http://127.0.0.1:5099/v2/ failed with status: 401 Unauthorized',
      '',
    ].join('\n');
    assert.equal(clientFailureSummary(stderr), 'login attempt to http://127.0.0.1:5099/v2/ failed with status: 401 Unauthorized');
  });
  it('keeps everything when only info lines exist, and caps the length', () => {
    assert.equal(clientFailureSummary('level=info a\n'), 'level=info a');
    assert.equal(clientFailureSummary('x'.repeat(700), 10), `${'x'.repeat(9)}…`);
  });
});
