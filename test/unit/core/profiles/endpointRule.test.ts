/** One endpoint rule for coScene profiles (settings, cocli file) and the Huawei IAM / Artifact overrides. */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { AccessError, formatMsg } from '../../../../src/core/errors';
import { validateEndpointOverride } from '../../../../src/core/huawei/regions';
import { parseCocliConfig } from '../../../../src/core/profiles/cocliConfig';
import { ConfigError } from '../../../../src/core/profiles/configError';
import { checkEndpoint, endpointProblem } from '../../../../src/core/profiles/endpoint';
import { fuzz } from '../../fuzz/fuzz';

const huaweiAccepts = (url: string): boolean => {
  try {
    validateEndpointOverride(url);
    return true;
  } catch (e) {
    if (e instanceof AccessError) return false;
    throw e;
  }
};

const cocliFile = (endpoint: string): string =>
  `current-profile: p\nprofiles:\n  - name: p\n    endpoint: ${JSON.stringify(endpoint)}\n    token: t0ken-value\n    project: proj\n`;

describe('endpoint rule shared by coScene and Huawei', () => {
  it('plain http to x.localhost is refused by both checks', () => {
    for (const url of ['http://app.localhost:8080', 'http://localhost.evil.example', 'http://evil.localhost']) {
      assert.equal(endpointProblem(url), 'http-not-loopback', url);
      assert.ok(!huaweiAccepts(url), url);
    }
  });

  it('an endpoint with a user name or password is refused everywhere, and the password is not echoed', () => {
    for (const url of [
      'https://alice:s3cret-pw@openapi.coscene.cn',
      'https://tok3n-only@openapi.coscene.cn',
      'http://u:p4ss@127.0.0.1:9000',
    ]) {
      assert.equal(endpointProblem(url), 'userinfo', url);
      const text = formatMsg(checkEndpoint(url)!);
      assert.match(text, /must not contain a user name or password/);
      assert.ok(!/s3cret-pw|tok3n-only|p4ss/.test(text), text);
      assert.ok(!huaweiAccepts(url), url);
      assert.throws(
        () => parseCocliConfig(cocliFile(url), '/home/u/.cocli.yaml'),
        (e: unknown) =>
          e instanceof ConfigError &&
          /line 4: the endpoint of profile "p" must not contain a user name or password/.test(e.message) &&
          !/s3cret|tok3n|p4ss/.test(e.message),
      );
    }
  });

  it('fuzz: coScene and Huawei give the same verdict on any endpoint (Huawei also refuses a query or fragment)', () => {
    const scheme = fc.constantFrom('https', 'http', 'ftp', 'HTTP', 'wss');
    const host = fc.constantFrom(
      'openapi.coscene.cn',
      'localhost',
      'LOCALHOST',
      'x.localhost',
      '127.0.0.1',
      '127.9.8.7',
      '127.1',
      '0x7f.1',
      '[::1]',
      '[::2]',
      '10.0.0.1',
      'localhost.evil',
      '[::ffff:127.0.0.1]',
      '2130706433',
    );
    const userinfo = fc.constantFrom('', 'u@', 'u:p@', ':p@', 'a%40b:c@');
    const rest = fc.constantFrom('', ':8443', '/api', ':1/x/');
    fuzz(
      fc.tuple(scheme, userinfo, host, rest),
      ([s, u, h, r]) => {
        const url = `${s}://${u}${h}${r}`;
        assert.equal(huaweiAccepts(url), endpointProblem(url) === undefined, url);
        if (u) assert.notEqual(endpointProblem(url), undefined, url);
        if (/^http$/i.test(s) && endpointProblem(url) === undefined)
          assert.match(new URL(url).hostname, /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/, url);
      },
      600,
    );
  });
});
