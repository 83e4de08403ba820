import * as assert from 'node:assert/strict';
import { forgetSecret, redact, registerSecret } from '../../src/core/redact';

describe('redact', () => {
  it('masks registered secrets and the Basic apikey form of them', () => {
    registerSecret('tok-known-123456');
    const basic = Buffer.from('apikey:tok-known-123456').toString('base64');
    assert.equal(redact('token tok-known-123456 here'), 'token *** here');
    assert.equal(redact(`header value ${basic}`), 'header value ***');
    forgetSecret('tok-known-123456');
    assert.equal(redact('left tok-known-123456'), 'left tok-known-123456');
  });

  it('masks URL- and JSON-escaped forms of a registered secret', () => {
    registerSecret('p@ss"word/1');
    assert.ok(!redact(`q=${encodeURIComponent('p@ss"word/1')}`).includes('p%40ss'));
    assert.ok(!redact(JSON.stringify({ x: 'p@ss"word/1' })).includes('ss\\"word'));
    forgetSecret('p@ss"word/1');
  });

  it('masks a longer secret whole even when a shorter one is inside it', () => {
    registerSecret('abcdef');
    registerSecret('abcdefghijkl');
    assert.equal(redact('v=abcdefghijkl;'), 'v=***;');
    forgetSecret('abcdef');
    forgetSecret('abcdefghijkl');
  });

  it('ignores values too short to be secrets', () => {
    registerSecret('abc');
    assert.equal(redact('abc'), 'abc');
  });

  it('masks auth header values in the forms logs print them', () => {
    const cases: [string, string][] = [
      ['Authorization: Basic YXBpa2V5OnNlY3JldA==', 'Authorization: ***'],
      ['x-cos-auth-token: Bearer a.b.c', 'x-cos-auth-token: ***'],
      ['{"X-Auth-Token":"MIIabc","other":1}', '{"X-Auth-Token":"***","other":1}'],
      ["{ 'x-subject-token': 'MIIxyz' }", "{ 'x-subject-token': '***' }"],
      ['proxy-authorization=Basic dXNlcjpwYXNz', 'proxy-authorization=***'],
    ];
    for (const [input, output] of cases) assert.equal(redact(input), output, input);
  });

  it('masks Basic and Bearer credentials anywhere', () => {
    assert.equal(redact('sent Bearer eyJhbGciOi.eyJzdWIi.c2ln to server'), 'sent Bearer *** to server');
    assert.equal(redact('curl -H "Basic YXBpa2V5OnNlY3JldA=="'), 'curl -H "Basic ***"');
  });

  it('masks Huawei SDK-HMAC signatures', () => {
    const header = 'SDK-HMAC-SHA256 Access=HPUAKEY123, SignedHeaders=host;x-sdk-date, Signature=0a1b2c3d4e';
    assert.equal(redact(header), 'SDK-HMAC-SHA256 Access=***, SignedHeaders=host;x-sdk-date, Signature=***');
  });

  it('masks password/token assignments, quoted JSON values with spaces included', () => {
    assert.equal(redact('password=hunter22&user=x'), 'password=***&user=x');
    assert.equal(redact('{"password":"my secret pass","username":"u"}'), '{"password":"***","username":"u"}');
    assert.equal(redact('{"token": "abc\\"def", "name": "n"}'), '{"token": "***", "name": "n"}');
    assert.equal(redact('token: plain-yaml-token'), 'token: ***');
    assert.equal(redact('access_token=zzz111'), 'access_token=***');
  });

  it('leaves ordinary text and page tokens alone', () => {
    const text = 'Listed 37 users; nextPageToken "b2Zmc2V0PTEw" page_size=100 role.code="PROJECT_WRITER"';
    assert.equal(redact(text), text);
  });
});
