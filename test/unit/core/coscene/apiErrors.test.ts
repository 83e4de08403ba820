import * as assert from 'node:assert/strict';
import {
  CONNECT_CODES,
  codeFromHttpStatus,
  CosceneApiError,
  errorFromResponse,
  type ConnectCode,
} from '../../../../src/core/coscene/apiErrors';

const CTX = { procedure: 'UserService/ListUsers', profileName: 'saas', origin: 'https://openapi.coscene.cn' };
const connect = (code: string, message = 'boom', status = 500) =>
  errorFromResponse(status, JSON.stringify({ code, message, details: [] }), CTX);

describe('Connect error mapping', () => {
  const expected: Record<ConnectCode, { text: RegExp; retry: boolean }> = {
    unauthenticated: { text: /^The server rejected the token of profile saas\. Set a new token\.$/, retry: false },
    permission_denied: { text: /^Profile saas is not allowed to call UserService\/ListUsers\. Ask an organization admin/, retry: false },
    not_found: { text: /^The server found nothing for UserService\/ListUsers: boom$/, retry: false },
    invalid_argument: { text: /^The server refused the call UserService\/ListUsers: boom$/, retry: false },
    failed_precondition: { text: /refused the call UserService\/ListUsers: boom/, retry: false },
    out_of_range: { text: /refused the call UserService\/ListUsers: boom/, retry: false },
    already_exists: { text: /already exists: boom/, retry: false },
    resource_exhausted: { text: /limiting requests from profile saas/, retry: true },
    unavailable: { text: /^The coScene server at https:\/\/openapi\.coscene\.cn is unavailable/, retry: true },
    internal: { text: /^The coScene server failed on UserService\/ListUsers: boom$/, retry: true },
    unknown: { text: /^The coScene server failed on UserService\/ListUsers: boom$/, retry: true },
    data_loss: { text: /failed on UserService\/ListUsers: boom/, retry: true },
    deadline_exceeded: { text: /took too long to answer UserService\/ListUsers/, retry: true },
    aborted: { text: /aborted UserService\/ListUsers because of a conflict/, retry: true },
    canceled: { text: /cancelled the call UserService\/ListUsers/, retry: true },
    unimplemented: { text: /does not support UserService\/ListUsers/, retry: false },
  };

  for (const code of CONNECT_CODES) {
    it(`maps ${code} to a specific message`, () => {
      const e = connect(code);
      assert.ok(e instanceof CosceneApiError);
      assert.equal(e.code, code);
      assert.equal(e.httpStatus, 500);
      assert.equal(e.procedure, 'UserService/ListUsers');
      assert.match(e.message, expected[code].text);
      assert.equal(e.actions.includes('retry'), expected[code].retry, 'retry action');
    });
  }

  it('offers setToken for unauthenticated', () => {
    assert.deepEqual(connect('unauthenticated', 'bad key', 401).actions, ['setToken', 'showLogs']);
  });

  it('names the missing role when the server names one', () => {
    const e = connect('permission_denied', 'user lacks role PROJECT_WRITER on project mcap', 403);
    assert.equal(e.message, 'Profile saas is not allowed to call UserService/ListUsers: it needs the role PROJECT_WRITER.');
    assert.equal(e.serverMessage, 'user lacks role PROJECT_WRITER on project mcap');
    assert.deepEqual(e.userMessage.args, ['saas', 'UserService/ListUsers', 'PROJECT_WRITER']);
  });

  describe('a denial names a required role only when the server says which one is required', () => {
    const denied = (message: string) => connect('permission_denied', message, 403);

    it("the caller's own role alone is not taken for the missing one", () => {
      const e = denied('permission denied: role ORGANIZATION_READER cannot CreateBasicCredential');
      assert.equal(
        e.message,
        'Profile saas has the role ORGANIZATION_READER, which does not allow UserService/ListUsers. Ask an organization admin for access.',
      );
      assert.doesNotMatch(e.message, /needs/);
    });

    it("required roles (one or several) and the caller's role, each where the server says it", () => {
      assert.equal(
        denied('ListUsers requires role ORGANIZATION_ADMIN or ORGANIZATION_WRITER (caller has ORGANIZATION_READER)').message,
        'Profile saas is not allowed to call UserService/ListUsers: it needs the role ORGANIZATION_ADMIN / ORGANIZATION_WRITER and has ORGANIZATION_READER.',
      );
      assert.equal(
        denied('required roles: PROJECT_ADMIN, PROJECT_WRITER').message,
        'Profile saas is not allowed to call UserService/ListUsers: it needs the role PROJECT_ADMIN / PROJECT_WRITER.',
      );
      assert.equal(
        denied('role ORGANIZATION_ADMIN is required').message,
        'Profile saas is not allowed to call UserService/ListUsers: it needs the role ORGANIZATION_ADMIN.',
      );
      assert.equal(
        denied('the caller must have ORGANIZATION_WRITER').message,
        'Profile saas is not allowed to call UserService/ListUsers: it needs the role ORGANIZATION_WRITER.',
      );
    });

    it('no role in the message: the generic denial', () => {
      assert.match(
        denied('permission denied').message,
        /^Profile saas is not allowed to call UserService\/ListUsers\. Ask an organization admin for access\.$/,
      );
    });
  });

  it('treats an unknown code string as unknown', () => {
    assert.equal(connect('weird_code').code, 'unknown');
  });

  it('falls back to the HTTP status when the server sent no message', () => {
    assert.match(errorFromResponse(400, '{"code":"invalid_argument"}', CTX).message, /refused the call UserService\/ListUsers: HTTP 400$/);
  });

  it('keeps an HTML error page out of the message but puts its start in the detail', () => {
    const html = `<html><body><h1>502 Bad Gateway</h1>${'x'.repeat(500)}</body></html>`;
    const e = errorFromResponse(418, html, CTX);
    assert.equal(
      e.message,
      'The server at https://openapi.coscene.cn answered UserService/ListUsers with HTTP status 418 and no coScene error. Check the endpoint of profile saas.',
    );
    assert.ok(!e.message.includes('<html>'));
    assert.ok(e.detail?.includes('<h1>502 Bad Gateway</h1>'));
    assert.ok(e.detail!.length < 300);
  });

  it('derives the code from the HTTP status for bare answers, like connect-go', () => {
    assert.equal(errorFromResponse(401, 'Unauthorized', CTX).code, 'unauthenticated');
    assert.match(errorFromResponse(401, 'Unauthorized', CTX).message, /rejected the token of profile saas/);
    assert.equal(errorFromResponse(503, '<html>down</html>', CTX).code, 'unavailable');
    assert.match(errorFromResponse(503, '<html>down</html>', CTX).message, /with an HTML page \(HTTP 503\).*proxy or gateway/);
    assert.match(errorFromResponse(503, 'down', CTX).message, /is unavailable/);
    assert.equal(errorFromResponse(429, '', CTX).code, 'resource_exhausted');
    assert.deepEqual([400, 403, 404, 502, 504, 500, 418].map(codeFromHttpStatus), [
      'internal',
      'permission_denied',
      'unimplemented',
      'unavailable',
      'unavailable',
      'unknown',
      'unknown',
    ]);
  });

  it('reads numeric gRPC codes and upper-case code names from transcoding gateways', () => {
    const status = (body: object, http = 404) => errorFromResponse(http, JSON.stringify(body), CTX);
    CONNECT_CODES.forEach((code, i) => assert.equal(status({ code: i + 1, message: 'm' }).code, code, `gRPC ${i + 1}`));
    const e = status({ code: 5, message: 'user 42 not found', details: [] });
    assert.equal(e.message, 'The server found nothing for UserService/ListUsers: user 42 not found');
    assert.equal(status({ code: 'PERMISSION_DENIED', message: 'no' }, 403).code, 'permission_denied');
    // 0 (OK) on an error status, an out-of-range or fractional number: the body says nothing, the status decides.
    assert.equal(status({ code: 0, message: 'x' }, 503).code, 'unavailable');
    assert.equal(status({ code: 17, message: 'x' }, 403).code, 'permission_denied');
    assert.equal(status({ code: 5.5, message: 'x' }, 500).code, 'unknown');
  });

  it('says a 415 means the server does not accept Connect JSON, and is not retried', () => {
    const e = errorFromResponse(415, '', CTX);
    assert.equal(e.code, 'unimplemented');
    assert.match(
      e.message,
      /^The server at https:\/\/openapi\.coscene\.cn does not accept Connect JSON \(HTTP 415 for UserService\/ListUsers\): it may speak only gRPC or gRPC-Web\./,
    );
    assert.match(e.message, /endpoint of profile saas/);
    assert.deepEqual(e.actions, ['showLogs']);
  });

  it('does not treat JSON without a code as a Connect error', () => {
    assert.match(errorFromResponse(500, '{"error":"x"}', CTX).message, /no coScene error/);
  });

  it('flattens and bounds the server message', () => {
    const e = connect('invalid_argument', `line1\nline2\t${'y'.repeat(400)}`, 400);
    assert.ok(!e.serverMessage.includes('\n'));
    assert.ok(e.serverMessage.startsWith('line1 line2 '));
    assert.ok(e.serverMessage.length <= 301);
  });
});
