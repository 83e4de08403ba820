import * as assert from 'node:assert/strict';
import { checkEndpoint, endpointProblem, isLoopbackHost, normalizeEndpoint } from '../../../../src/core/profiles/endpoint';

describe('endpoint rule', () => {
  it('accepts any https host, including the env-scoped and private ones cocli would reject', () => {
    for (const url of ['https://openapi.coscene.cn', 'https://openapi-e2e.dev.example.com', 'https://coscene.corp.local:8443/api']) {
      assert.equal(checkEndpoint(url), undefined, url);
    }
  });

  it('accepts http only for loopback hosts', () => {
    for (const url of ['http://127.0.0.1:1234', 'http://127.8.9.10', 'http://localhost:3000', 'http://[::1]:80', 'http://LOCALHOST']) {
      assert.equal(endpointProblem(url), undefined, url);
    }
    for (const url of [
      'http://openapi.coscene.cn',
      'http://10.0.0.1',
      'http://127.0.0.1.evil.example',
      'http://localhost.evil.example',
      'http://[::2]',
    ]) {
      assert.equal(endpointProblem(url), 'http-not-loopback', url);
    }
  });

  it('rejects other schemes and non-URLs with a message naming the value', () => {
    assert.equal(endpointProblem('ftp://openapi.coscene.cn'), 'not-https');
    assert.equal(endpointProblem('openapi.coscene.cn'), 'not-a-url');
    assert.deepEqual(checkEndpoint('openapi.coscene.cn')?.args, ['openapi.coscene.cn']);
    assert.match(checkEndpoint('http://example.com')!.template, /only allowed for localhost/);
  });

  it('recognises loopback host names: localhost, 127.0.0.0/8 and ::1 only', () => {
    for (const host of ['127.0.0.1', '127.255.0.9', '[::1]', '::1', 'localhost', 'LocalHost']) assert.ok(isLoopbackHost(host), host);
    for (const host of ['app.localhost', 'localhost.evil.example', '128.0.0.1', 'mylocalhost', '[::ffff:7f00:1]', '0.0.0.0', '[::]']) {
      assert.ok(!isLoopbackHost(host), host);
    }
  });

  it('drops trailing slashes so paths can be appended', () => {
    assert.equal(normalizeEndpoint(' https://h/base// '), 'https://h/base');
  });
});
