import * as assert from 'node:assert/strict';
import { organizationWebUrl, projectWebUrl, webBaseOf } from '../../../../src/core/coscene/webBase';

describe('web base of an endpoint (cocli open-in-browser rule)', () => {
  it('the dev endpoint opens home.coscene.dev; any other openapi.<host> opens <host>', () => {
    assert.equal(webBaseOf('https://openapi.api.coscene.dev'), 'https://home.coscene.dev');
    assert.equal(webBaseOf('https://openapi.coscene.cn'), 'https://coscene.cn');
    assert.equal(webBaseOf('https://openapi.coscene.io'), 'https://coscene.io');
    assert.equal(webBaseOf('https://openapi.staging.example.com'), 'https://staging.example.com');
  });

  it('trailing slashes, surrounding blanks and upper case are ignored', () => {
    assert.equal(webBaseOf('https://openapi.api.coscene.dev/'), 'https://home.coscene.dev');
    assert.equal(webBaseOf('https://openapi.coscene.cn//'), 'https://coscene.cn');
    assert.equal(webBaseOf('  https://OPENAPI.Coscene.CN  '), 'https://coscene.cn');
  });

  it('cannot tell (undefined) when the rule does not clearly apply', () => {
    for (const endpoint of [
      'https://openapi-e2e.dev.example.com', // not "openapi."
      'http://127.0.0.1:1234', // the local fake
      'http://openapi.coscene.cn', // not https
      'https://api.coscene.cn',
      'https://openapi.com', // a single label would be left
      'https://openapi.coscene.cn/v1', // a path: the API behind a gateway
      'https://openapi.coscene.cn:8443', // a port
      'https://openapi.coscene.cn/?x=1',
      'https://openapi.coscene.cn/#top',
      'https://user:pw@openapi.coscene.cn',
      'https://openapi.api.coscene.dev/v1',
      'not a url',
      '',
    ])
      assert.equal(webBaseOf(endpoint), undefined, endpoint);
  });

  it('project URL: base/org/project, slugs URL-encoded; undefined without a base or a slug', () => {
    assert.equal(projectWebUrl('https://openapi.coscene.cn', 'acme', 'fleet-ops'), 'https://coscene.cn/acme/fleet-ops');
    assert.equal(projectWebUrl('https://openapi.api.coscene.dev/', 'acme', 'lidar'), 'https://home.coscene.dev/acme/lidar');
    assert.equal(
      projectWebUrl('https://openapi.coscene.cn', 'a b/c', '车队?#%'),
      'https://coscene.cn/a%20b%2Fc/%E8%BD%A6%E9%98%9F%3F%23%25',
    );
    assert.equal(projectWebUrl('https://openapi.coscene.cn', '..', 'x'), undefined, 'a dot segment would leave the org');
    assert.equal(projectWebUrl('https://openapi.coscene.cn', 'acme', '.'), undefined);
    assert.equal(projectWebUrl('http://127.0.0.1:1234', 'acme', 'p'), undefined);
    assert.equal(projectWebUrl('https://openapi.coscene.cn', '', 'p'), undefined);
    assert.equal(projectWebUrl('https://openapi.coscene.cn', 'acme', ''), undefined);
    assert.equal(organizationWebUrl('https://openapi.coscene.cn', 'acme'), 'https://coscene.cn/acme');
  });
});
