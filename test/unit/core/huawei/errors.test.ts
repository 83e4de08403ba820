import * as assert from 'node:assert/strict';
import { formatMsg } from '../../../../src/core/errors';
import { HuaweiApiError, parseHuaweiError, parseHuaweiResponse } from '../../../../src/core/huawei/errors';
import { registerSecret } from '../../../../src/core/redact';

const text = (e: HuaweiApiError): string => formatMsg(e.userMessage);

describe('huawei errors: envelopes (§5)', () => {
  it('v5 error body: CR.4102 → no permission, with code and trace id in the message', () => {
    const e = parseHuaweiError(
      403,
      { 'x-request-id': 'req-1' },
      JSON.stringify({ status: 'error', trace_id: '143006-1700618253925-55', error_code: 'CR.4102', error_msg: '当前用户没有该项目权限' }),
    );
    assert.equal(e.kind, 'noPermission');
    assert.equal(e.errorCode, 'CR.4102');
    assert.equal(e.errorMsg, '当前用户没有该项目权限');
    assert.equal(e.traceId, '143006-1700618253925-55');
    assert.equal(e.requestId, 'req-1');
    assert.equal(
      text(e),
      'You have no permission on this CodeArts project. Ask the project administrator for access. (code CR.4102, trace 143006-1700618253925-55 / req-1)',
    );
    assert.deepEqual(e.actions, ['showLogs']);
    assert.ok(e instanceof HuaweiApiError);
  });

  it('matches DEV.CR.4102 by suffix even with HTTP 400', () => {
    const e = parseHuaweiError(400, {}, JSON.stringify({ error_code: 'DEV.CR.4102', error_msg: 'x' }));
    assert.equal(e.kind, 'noPermission');
    assert.match(text(e), /code DEV\.CR\.4102/);
  });

  it('does not treat XCR.4102 as a permission error', () => {
    assert.equal(parseHuaweiError(400, {}, JSON.stringify({ error_code: 'XCR.4102', error_msg: 'bad' })).kind, 'requestFailed');
  });

  it('gateway APIGW.0301 signature failure → sign in again', () => {
    const body = JSON.stringify({
      error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
      error_code: 'APIGW.0301',
      request_id: 'abc123',
    });
    const e = parseHuaweiError(401, {}, body);
    assert.equal(e.kind, 'authFailed');
    assert.equal(e.requestId, 'abc123');
    assert.deepEqual(e.actions, ['signIn', 'showLogs']);
    assert.match(text(e), /credentials.*\(code APIGW\.0301, trace abc123\)/);
  });

  it('APIGW.0301 about the request time → fix the system clock', () => {
    const e = parseHuaweiError(
      401,
      {},
      JSON.stringify({
        error_msg: 'Incorrect IAM authentication information: the request time skew is too large',
        error_code: 'APIGW.0301',
      }),
    );
    assert.equal(e.kind, 'clockSkew');
    assert.match(text(e), /system clock/);
    assert.ok(!e.actions.includes('signIn'));
  });

  describe('clock skew behind "verify aksk signature fail" (the real message for a skewed clock)', () => {
    const SIGNATURE_FAIL = JSON.stringify({
      error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
      error_code: 'APIGW.0301',
      request_id: 'r1',
    });
    const NOW = Date.parse('2024-01-02T03:04:05Z');
    const serverAt = (offsetMs: number) => ({ date: new Date(NOW + offsetMs).toUTCString() });

    it('a server Date 20 minutes later than the local clock: the clock is 20 min behind', () => {
      const e = parseHuaweiError(401, serverAt(20 * 60_000), SIGNATURE_FAIL, NOW);
      assert.equal(e.kind, 'clockSkew');
      assert.equal(
        text(e),
        'Huawei Cloud rejected the request signature: your system clock is 20 min behind Huawei Cloud (server time 2024-01-02 03:24:05 UTC). Requests more than 15 minutes off are refused. Set your system clock to the correct time, then try again. (code APIGW.0301, trace r1)',
      );
      assert.deepEqual(e.actions, ['retry', 'showLogs']);
    });

    it('a server Date 2 h 5 min earlier: the clock is ahead, in hours and minutes', () => {
      const e = parseHuaweiError(401, serverAt(-(2 * 60 + 5) * 60_000), SIGNATURE_FAIL, NOW);
      assert.equal(e.kind, 'clockSkew');
      assert.match(text(e), /your system clock is 2 h 5 min ahead of Huawei Cloud \(server time 2024-01-02 00:59:05 UTC\)/);
    });

    it('days off are said in days and hours', () => {
      assert.match(text(parseHuaweiError(401, serverAt(-(3 * 24 + 4) * 3600_000 - 59_000), SIGNATURE_FAIL, NOW)), /3 d 4 h ahead/);
    });

    it('a clock within 15 minutes of the server: the signature (the SK) is wrong, not the clock', () => {
      const e = parseHuaweiError(401, serverAt(14 * 60_000), SIGNATURE_FAIL, NOW);
      assert.equal(e.kind, 'authFailed');
      assert.deepEqual(e.actions, ['signIn', 'showLogs']);
    });

    it('without a readable Date header the clock cannot be blamed', () => {
      assert.equal(parseHuaweiError(401, { date: 'yesterday-ish' }, SIGNATURE_FAIL, NOW).kind, 'authFailed');
      assert.equal(parseHuaweiError(401, {}, SIGNATURE_FAIL, NOW).kind, 'authFailed');
    });

    it('a skewed clock does not turn other 401s (unknown AK, token) into clock errors', () => {
      const unknownAk = JSON.stringify({
        error_msg: 'Incorrect IAM authentication information: Get secretKey failed, ak not exist',
        error_code: 'APIGW.0301',
      });
      assert.equal(parseHuaweiError(401, serverAt(60 * 60_000), unknownAk, NOW).kind, 'authFailed');
      const expired = JSON.stringify({ error_msg: 'Incorrect IAM authentication information: token expires', error_code: 'APIGW.0301' });
      assert.equal(parseHuaweiError(401, serverAt(60 * 60_000), expired, NOW).kind, 'tokenExpired');
    });

    it('parseHuaweiResponse compares with the clock it is given', () => {
      assert.throws(() => parseHuaweiResponse({ status: 401, headers: serverAt(-30 * 60_000), body: SIGNATURE_FAIL }, NOW), /30 min ahead/);
    });
  });

  it('token expiry → sign in again', () => {
    const e = parseHuaweiError(
      401,
      {},
      JSON.stringify({ error_msg: 'Incorrect IAM authentication information: token expires', error_code: 'APIGW.0301' }),
    );
    assert.equal(e.kind, 'tokenExpired');
    assert.deepEqual(e.actions, ['signIn']);
    assert.equal(
      parseHuaweiError(401, {}, JSON.stringify({ error: { code: 401, message: 'The token must be updated.' } })).kind,
      'tokenExpired',
    );
  });

  it('APIGW.0308 / 429 → throttled, honouring Retry-After seconds and dates', () => {
    const e = parseHuaweiError(
      429,
      { 'retry-after': '3' },
      JSON.stringify({ error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached' }),
    );
    assert.equal(e.kind, 'throttled');
    assert.equal(e.retryAfterMs, 3000);
    assert.ok(e.retryable);
    const now = Date.parse('2024-01-02T03:04:05Z');
    assert.equal(parseHuaweiError(429, { 'retry-after': 'Tue, 02 Jan 2024 03:04:15 GMT' }, '', now).retryAfterMs, 10_000);
    assert.equal(parseHuaweiError(400, {}, JSON.stringify({ error_code: 'APIG.0308', error_msg: 'x' })).kind, 'throttled');
  });

  it('APIGW.0101 / 404 → check endpoint and region', () => {
    const e = parseHuaweiError(
      404,
      {},
      JSON.stringify({ error_code: 'APIGW.0101', error_msg: 'The API does not exist or has not been published in the environment' }),
    );
    assert.equal(e.kind, 'notFound');
    assert.match(text(e), /endpoint, the region and the repository ID/);
    assert.equal(parseHuaweiError(404, {}, '').kind, 'notFound');
  });

  it('CR.5000 and 5xx → service error, retryable', () => {
    const e = parseHuaweiError(500, {}, JSON.stringify({ error_code: 'CR.5000', error_msg: '未知服务错误' }));
    assert.equal(e.kind, 'serverError');
    assert.ok(e.retryable);
    assert.deepEqual(e.actions, ['retry', 'showLogs']);
    assert.equal(parseHuaweiError(503, {}, 'Service Unavailable').kind, 'serverError');
  });

  it('SDK lookup order: errorCode/errorMsg, then code/message, then nested objects', () => {
    const camel = parseHuaweiError(400, {}, JSON.stringify({ errorCode: 'X.1', errorMsg: 'camel', code: 'Y.2', message: 'plain' }));
    assert.deepEqual([camel.errorCode, camel.errorMsg], ['X.1', 'camel']);
    const plain = parseHuaweiError(400, {}, JSON.stringify({ code: 'Y.2', message: 'plain' }));
    assert.deepEqual([plain.errorCode, plain.errorMsg], ['Y.2', 'plain']);
    const nested = parseHuaweiError(400, {}, JSON.stringify({ error: { code: 'IAM.0001', message: 'nested one' } }));
    assert.deepEqual([nested.errorCode, nested.errorMsg], ['IAM.0001', 'nested one']);
    assert.equal(formatMsg(nested.userMessage), 'Huawei Cloud request failed: nested one (code IAM.0001, trace -)');
  });

  it('error_code wins over code when both are present', () => {
    const e = parseHuaweiError(400, {}, JSON.stringify({ code: 'Y.2', message: 'm', error_code: 'Z.3', error_msg: 'z' }));
    assert.equal(e.errorCode, 'Z.3');
  });

  it('HTML body → HTTP status as code and a one-line summary', () => {
    const html = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>';
    const e = parseHuaweiError(502, {}, html);
    assert.equal(e.errorCode, '502');
    assert.equal(e.errorMsg, '502 Bad Gateway');
    assert.equal(e.kind, 'serverError');
    const untitled = parseHuaweiError(400, {}, '<html><body><p>Bad</p>\n<p>request</p></body></html>');
    assert.equal(untitled.errorMsg, 'Bad request');
  });

  it('raw bodies are truncated and secrets redacted from message and detail', () => {
    registerSecret('S3cretSecurityToken');
    const e = parseHuaweiError(400, {}, `oops S3cretSecurityToken ${'x'.repeat(500)}`);
    assert.ok(!text(e).includes('S3cretSecurityToken'));
    assert.ok(!String(e.detail).includes('S3cretSecurityToken'));
    assert.ok(e.errorMsg.length <= 201);
  });
});

describe('huawei errors: parseHuaweiResponse', () => {
  it('treats status:error inside HTTP 200 as a failure', () => {
    const body = JSON.stringify({ status: 'error', trace_id: 't-1', error_code: 'DEV.CR.4102', error_msg: 'no' });
    assert.throws(
      () => parseHuaweiResponse({ status: 200, headers: {}, body }),
      (e: unknown) => e instanceof HuaweiApiError && e.httpStatus === 200 && e.kind === 'noPermission' && e.traceId === 't-1',
    );
  });

  it('returns the parsed body on success and rejects non-JSON success bodies', () => {
    assert.deepEqual(parseHuaweiResponse({ status: 200, headers: {}, body: '{"status":"success","result":{}}' }), {
      status: 'success',
      result: {},
    });
    assert.throws(() => parseHuaweiResponse({ status: 200, headers: {}, body: '<html>' }), /HTML page instead of JSON \(HTTP 200\)/);
    assert.throws(() => parseHuaweiResponse({ status: 200, headers: {}, body: '{"status":' }), /not valid JSON \(HTTP 200\)/);
  });
});
