import * as assert from 'node:assert/strict';
import { formatMsg } from '../../../../src/core/errors';
import {
  inferRegistryHost,
  registryHostProblem,
  RegistryHostInferenceError,
  resolveRegistryHost,
  validateRegistryHost,
} from '../../../../src/core/registry/host';

describe('registry host inference (cocli login.go table)', () => {
  const cases: [string, string][] = [
    ['https://openapi.coscene.cn', 'cr.coscene.cn'],
    ['https://openapi.staging.coscene.cn', 'cr.staging.coscene.cn'],
    ['https://openapi.api.coscene.dev', 'cr.dev.coscene.cn'],
    ['https://api.dev.coscene.cn', 'cr.dev.coscene.cn'],
    ['https://openapi.coscene.io', 'cr.coscene.io'],
    ['https://openapi.portal.coscene.cn', 'cr.portal.coscene.cn'],
    ['https://openapi.foo.bar', 'cr.foo.bar'],
    ['https://openapi.coscene.cn/', 'cr.coscene.cn'],
    ['https://openapi.coscene.cn/some/path?x=1', 'cr.coscene.cn'],
    ['https://openapi.foo.bar:8443', 'cr.foo.bar:8443'],
    ['  https://openapi.coscene.cn  ', 'cr.coscene.cn'],
  ];
  for (const [endpoint, host] of cases) {
    it(`${endpoint.trim()} → ${host}`, () => assert.equal(inferRegistryHost(endpoint), host));
  }

  const failures = [
    'https://example.com',
    'https://openapi-e2e.coscene.cn',
    'https://api.coscene.cn',
    'https://cr.coscene.cn',
    'http://127.0.0.1:8080',
    'https://openapi.',
  ];
  for (const endpoint of failures) {
    it(`${endpoint} → error naming the endpoint`, () => {
      assert.throws(
        () => inferRegistryHost(endpoint),
        (err: unknown) => {
          assert.ok(err instanceof RegistryHostInferenceError);
          assert.match(formatMsg(err.userMessage), /Cannot infer the container registry host/);
          assert.ok(formatMsg(err.userMessage).includes(`"${endpoint}"`));
          return true;
        },
      );
    });
  }

  it('an endpoint that is not a URL → error saying so', () => {
    assert.throws(
      () => inferRegistryHost('openapi.coscene.cn'),
      (err: unknown) => {
        assert.ok(err instanceof RegistryHostInferenceError);
        assert.equal(
          err.message,
          'The profile endpoint "openapi.coscene.cn" is not a valid URL, so the container registry host cannot be inferred.',
        );
        return true;
      },
    );
  });
});

describe('registry host validation', () => {
  const valid = [
    'cr.coscene.cn',
    'cr.coscene.cn:443',
    '127.0.0.1:5000',
    'localhost',
    'localhost:1',
    'my-registry:65535',
    '[::1]:5000',
    '[2001:db8::1]',
    'a.b.c.',
    'CR.Coscene.CN',
  ];
  for (const host of valid) it(`accepts ${host}`, () => assert.equal(registryHostProblem(host), undefined));

  const invalid: [string, RegExp][] = [
    ['', /Enter a registry host/],
    ['https://cr.coscene.cn', /must not include a scheme/],
    ['cr.coscene.cn/org', /must not include a path/],
    ['cr coscene.cn', /must not contain spaces/],
    ['cr.coscene.cn:0', /not between 1 and 65535/],
    ['cr.coscene.cn:65536', /not between 1 and 65535/],
    ['cr.coscene.cn:http', /not between 1 and 65535/],
    ['cr.coscene.cn:', /not between 1 and 65535/],
    ['::1', /IPv6 addresses in brackets/],
    ['[not-ip]:5000', /IPv6 addresses in brackets/],
    ['256.1.1.1', /not a valid host name or IP address/],
    ['-bad.example', /not a valid host name/],
    ['bad_.example', /not a valid host name/],
    ['a..b', /not a valid host name/],
    [':5000', /not a valid host name/],
  ];
  for (const [host, problem] of invalid) {
    it(`rejects ${JSON.stringify(host)}`, () => {
      const m = registryHostProblem(host);
      assert.ok(m, 'expected a problem');
      assert.match(formatMsg(m), problem);
    });
  }

  it('validateRegistryHost trims and throws an AccessError with the problem', () => {
    assert.equal(validateRegistryHost('  127.0.0.1:5000 '), '127.0.0.1:5000');
    assert.throws(() => validateRegistryHost('http://x'), /must not include a scheme/);
  });
});

describe('resolveRegistryHost', () => {
  it('the setting overrides the endpoint', () => {
    assert.deepEqual(resolveRegistryHost({ setting: '127.0.0.1:5000', endpoint: 'https://openapi.coscene.cn' }), {
      host: '127.0.0.1:5000',
      source: 'setting',
    });
  });
  it('an empty setting falls back to inference', () => {
    assert.deepEqual(resolveRegistryHost({ setting: '  ', endpoint: 'https://openapi.coscene.cn' }), {
      host: 'cr.coscene.cn',
      source: 'endpoint',
    });
  });
  it('an invalid setting is an error, not silently ignored', () => {
    assert.throws(
      () => resolveRegistryHost({ setting: 'https://cr.coscene.cn', endpoint: 'https://openapi.coscene.cn' }),
      /must not include a scheme/,
    );
  });
  it('no setting and no endpoint → inference error', () => {
    assert.throws(() => resolveRegistryHost({}), RegistryHostInferenceError);
  });
});
