import * as assert from 'node:assert/strict';
import { displayProxy, matchesNoProxy, selectProxy } from '../../../../src/core/http/proxy';

const API = 'https://openapi.coscene.cn/x';

describe('selectProxy', () => {
  it('goes direct when nothing is configured', () => {
    assert.equal(selectProxy(API, undefined, {}), undefined);
  });

  it('prefers the explicit setting over the env', () => {
    assert.equal(selectProxy(API, { proxy: 'http://setting:3128' }, { HTTPS_PROXY: 'http://env:8080' }), 'http://setting:3128');
  });

  it('uses HTTPS_PROXY for https targets, falling back to HTTP_PROXY, lower case too', () => {
    assert.equal(selectProxy(API, {}, { HTTPS_PROXY: 'http://s:1', HTTP_PROXY: 'http://p:2' }), 'http://s:1');
    assert.equal(selectProxy(API, {}, { HTTP_PROXY: 'http://p:2' }), 'http://p:2');
    assert.equal(selectProxy(API, {}, { https_proxy: 'http://lower:3' }), 'http://lower:3');
  });

  it('uses only HTTP_PROXY for http targets', () => {
    assert.equal(selectProxy('http://intranet.example/x', {}, { HTTPS_PROXY: 'http://s:1' }), undefined);
    assert.equal(selectProxy('http://intranet.example/x', {}, { HTTP_PROXY: 'http://p:2' }), 'http://p:2');
  });

  it('adds http:// to a proxy given without a scheme', () => {
    assert.equal(selectProxy(API, { proxy: 'proxy.corp:3128' }, {}), 'http://proxy.corp:3128');
  });

  it('always goes direct to loopback, even with a proxy and no noProxy', () => {
    for (const target of ['http://127.0.0.1:9000/x', 'http://localhost/x', 'http://[::1]:8080/x']) {
      assert.equal(selectProxy(target, { proxy: 'http://p:1' }, { HTTP_PROXY: 'http://p:1' }), undefined, target);
    }
  });

  it('honours the noProxy setting before NO_PROXY env', () => {
    assert.equal(selectProxy(API, { proxy: 'http://p:1', noProxy: 'coscene.cn' }, {}), undefined);
    assert.equal(selectProxy(API, { proxy: 'http://p:1', noProxy: 'other.example' }, { NO_PROXY: 'coscene.cn' }), 'http://p:1');
    assert.equal(selectProxy(API, { proxy: 'http://p:1' }, { NO_PROXY: 'coscene.cn' }), undefined);
    assert.equal(selectProxy(API, { proxy: 'http://p:1' }, { no_proxy: '*' }), undefined);
  });
});

describe('matchesNoProxy', () => {
  const url = new URL('https://openapi.coscene.cn/x');
  it('matches host suffixes in the common spellings', () => {
    for (const entry of ['coscene.cn', '.coscene.cn', '*.coscene.cn', 'openapi.coscene.cn', 'a.b, coscene.cn', 'x y coscene.cn']) {
      assert.ok(matchesNoProxy(url, entry), entry);
    }
  });
  it('does not match lookalike hosts or other domains', () => {
    for (const entry of ['scene.cn', 'coscene.io', 'api.coscene.cn', '', ' , ']) assert.ok(!matchesNoProxy(url, entry), entry);
    assert.ok(!matchesNoProxy(new URL('https://evilcoscene.cn/'), 'coscene.cn'));
  });
  it('respects ports, default ports included', () => {
    assert.ok(matchesNoProxy(url, 'coscene.cn:443'));
    assert.ok(!matchesNoProxy(url, 'coscene.cn:8443'));
    assert.ok(matchesNoProxy(new URL('http://h.example:8080/'), 'h.example:8080'));
  });
  it('matches IP addresses, IPv6 with or without brackets', () => {
    assert.ok(matchesNoProxy(new URL('http://10.1.2.3/'), '10.1.2.3'));
    assert.ok(matchesNoProxy(new URL('http://[fd00::1]:80/'), '[fd00::1]:80'));
    assert.ok(matchesNoProxy(new URL('http://[fd00::1]/'), 'fd00::1'));
  });
});

describe('displayProxy', () => {
  it('hides proxy credentials', () => {
    assert.equal(displayProxy('http://user:pa55word@proxy.corp:3128/'), 'http://proxy.corp:3128');
  });
});
