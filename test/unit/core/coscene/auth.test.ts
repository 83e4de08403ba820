import * as assert from 'node:assert/strict';
import { authHeader, authHeaders } from '../../../../src/core/coscene/auth';

describe('auth header rule', () => {
  it('uses Basic apikey for a plain key (contract example)', () => {
    assert.equal(authHeader('secret'), 'Basic YXBpa2V5OnNlY3JldA==');
  });

  it('uses Bearer for a three-part JWT', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl';
    assert.equal(authHeader(jwt), `Bearer ${jwt}`);
  });

  it('uses Basic for two or four dot-separated parts', () => {
    assert.match(authHeader('a.b'), /^Basic /);
    assert.match(authHeader('a.b.c.d'), /^Basic /);
    assert.equal(Buffer.from(authHeader('a.b.c.d').slice(6), 'base64').toString(), 'apikey:a.b.c.d');
  });

  it('puts the same value on Authorization and x-cos-auth-token', () => {
    assert.deepEqual(authHeaders('secret'), {
      Authorization: 'Basic YXBpa2V5OnNlY3JldA==',
      'x-cos-auth-token': 'Basic YXBpa2V5OnNlY3JldA==',
    });
  });
});
