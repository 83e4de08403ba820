import * as assert from 'node:assert/strict';
import { forgetSecret, redact, registerSecret } from '../../../src/core/redact';

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

  it('masks a 3–5 character secret as a whole word only, and ignores 1–2 character values', () => {
    registerSecret('pw9');
    try {
      assert.equal(redact('login pw9 failed; pw9.'), 'login *** failed; ***.');
      assert.equal(redact('upw9x and pw9abc stay'), 'upw9x and pw9abc stay', 'no holes cut into other words');
      registerSecret('ab');
      assert.equal(redact('ab cab'), 'ab cab');
    } finally {
      forgetSecret('pw9');
      forgetSecret('ab');
    }
  });

  it('a registered secret equal to a key word does not unmask the value after that key', () => {
    const asKey = (word: string): string[] => [
      `{"${word}":"v4lue-123"}`,
      `${word}=v4lue-123`,
      `${word}: v4lue-123`,
      `Authorization: Bearer v4lue-123`,
    ];
    const cases: [string, string[]][] = [
      ...['secret', 'passwd', 'apikey', 'password'].map((w): [string, string[]] => [w, asKey(w)]),
      ['Bearer', ['Bearer v4lue-123', 'Authorization: Bearer v4lue-123', '{"Authorization":"Bearer v4lue-123"}']],
    ];
    for (const [word, texts] of cases) {
      registerSecret(word);
      try {
        for (const text of texts) {
          assert.ok(!redact(text).includes('v4lue-123'), `${word}: ${redact(text)}`);
        }
      } finally {
        forgetSecret(word);
      }
    }
  });

  it('per-call secrets (a process run) follow the same rules: a key word as secret still masks its value', () => {
    assert.equal(redact('secret=v4lue-123 and secret', ['secret']), '***=*** and ***');
    assert.equal(redact('login pw9 ok, pw9x kept', ['pw9']), 'login *** ok, pw9x kept');
  });

  it('masks camelCase, snake_case and hyphenated credential keys', () => {
    const cases: [string, string][] = [
      ['accessToken=a1b2c3d4', 'accessToken=***'],
      ['{"refreshToken":"r1r2r3r4","user":"u"}', '{"refreshToken":"***","user":"u"}'],
      ['sessionToken: s1s2s3s4', 'sessionToken: ***'],
      ['secretKey=k1k2k3k4&x=1', 'secretKey=***&x=1'],
      ["{'privateKey': 'p1p2p3p4'}", "{'privateKey': '***'}"],
      ['x-api-key: key-1234 extra', 'x-api-key: ***'],
      ['X-Api-Key=abc123', 'X-Api-Key=***'],
      ['client_secret=c1c2c3c4', 'client_secret=***'],
      ['dbPassword=hunter22', 'dbPassword=***'],
    ];
    for (const [input, output] of cases) assert.equal(redact(input), output, input);
  });

  it('masks quoted values with spaces whole, in any quoting', () => {
    assert.equal(redact('password="my secret pass" user=x'), 'password="***" user=x');
    assert.equal(redact("token='a b c' next"), "token='***' next");
    assert.equal(redact('secret: "two words" and more'), 'secret: "***" and more');
    assert.equal(redact('{"password":"with \\" quote and spaces"}'), '{"password":"***"}');
  });

  it('masks URL userinfo and Cookie / Set-Cookie headers', () => {
    assert.equal(redact('proxy https://alice:pa55word@proxy.example:8080/path'), 'proxy https://***@proxy.example:8080/path');
    assert.equal(redact('clone https://ghp_token123@github.example/x'), 'clone https://***@github.example/x');
    assert.equal(redact('{"url":"http://u:p@h/"}'), '{"url":"http://***@h/"}');
    assert.equal(redact('Cookie: session=abc; csrftoken=def\nnext line'), 'Cookie: ***\nnext line');
    assert.equal(redact('set-cookie: sid=xyz; Path=/; HttpOnly'), 'set-cookie: ***');
    assert.equal(redact('see https://example.com/a@b and mail@example.com'), 'see https://example.com/a@b and mail@example.com');
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
