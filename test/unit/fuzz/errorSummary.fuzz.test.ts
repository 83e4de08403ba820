/**
 * A hostile server controls the error body; the summaries built from it (user message, log detail) must stay
 * linear in it. Bodies here are built to hit backtracking regular expressions and deep JSON, up to the HTTP
 * body limit, and every summary must come back within SUMMARY_BUDGET_MS.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { AccessError } from '../../../src/core/errors';
import { CosceneApiError, errorFromResponse } from '../../../src/core/coscene/apiErrors';
import { DEFAULTS } from '../../../src/core/http/undiciHttpClient';
import { HuaweiApiError, parseHuaweiError, parseHuaweiResponse, unreadableResponse } from '../../../src/core/huawei/errors';
import { cpuMs, fuzz, FUZZ_TIMEOUT_MS } from './fuzz';

/** The budget the issue sets for one summary; far above what a linear pass over 8 MB takes. */
const SUMMARY_BUDGET_MS = 50;

const PREFIXES = [
  '',
  '<html',
  '<!DOCTYPE html>',
  ' \n\t<body',
  '<head><title>',
  '{"code":"internal","message":"',
  '{"error_code":"DEV.CR.5000","error_msg":"',
  '{"code":"internal","details":[',
  '[',
];
/** Pieces that make regular expressions rescan the rest of the body, or JSON parsers work hard. */
const UNITS = [
  '<title',
  '<title ',
  '<title>',
  '<script',
  '<style',
  '<',
  '< ',
  '<a<',
  '<p>',
  '</title',
  '"password":"',
  "'token':'",
  '"X-Auth-Token": "',
  'password=',
  'Authorization: ',
  'Bearer ',
  'Basic ',
  ' ',
  '\t',
  '\\',
  '\\"',
  '{}',
  '{},',
  '[',
  '{"a":',
  '1,',
  '\u001b[',
  '\u0085',
  'x',
  'é',
  '中',
];
const SIZES = [64 * 1024, 256 * 1024, 1024 * 1024, DEFAULTS.maxBodyBytes];

/** The recipe of a body, not the body: a failing case prints as a few words, not as 8 MB. */
const hostileRecipe = fc.record({
  prefix: fc.constantFrom(...PREFIXES),
  units: fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 3 }),
  size: fc.constantFrom(...SIZES),
});

function bodyOf({ prefix, units, size }: { prefix: string; units: string[]; size: number }): string {
  const chunk = units.join('');
  return (prefix + chunk.repeat(Math.ceil(size / chunk.length))).slice(0, size);
}

function assertFast(what: string, body: string, fn: () => void): void {
  const ms = cpuMs(fn, SUMMARY_BUDGET_MS);
  assert.ok(
    ms < SUMMARY_BUDGET_MS,
    `${what} took ${Math.round(ms)} ms on ${body.length} chars starting ${JSON.stringify(body.slice(0, 40))}`,
  );
}

const CTX = { procedure: 'UserService/ListUsers', profileName: 'saas', origin: 'https://openapi.coscene.cn' };

describe('fuzz: error summaries stay linear in a hostile body (apiErrors.ts, huawei/errors.ts)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);

  it(`coScene errorFromResponse: < ${SUMMARY_BUDGET_MS} ms for adversarial bodies up to the body limit`, () => {
    fuzz(
      fc.tuple(fc.constantFrom(400, 418, 500, 502, 503), hostileRecipe),
      ([status, recipe]) => {
        const body = bodyOf(recipe);
        let err: unknown;
        assertFast('errorFromResponse', body, () => {
          err = errorFromResponse(status, body, CTX);
        });
        assert.ok(err instanceof CosceneApiError);
      },
      40,
      { endOnFailure: true },
    );
  });

  it(`Huawei parseHuaweiError / parseHuaweiResponse / unreadableResponse: < ${SUMMARY_BUDGET_MS} ms each`, () => {
    fuzz(
      fc.tuple(fc.constantFrom(400, 403, 500, 502), hostileRecipe),
      ([status, recipe]) => {
        const body = bodyOf(recipe);
        let err: unknown;
        assertFast('parseHuaweiError', body, () => {
          err = parseHuaweiError(status, {}, body);
        });
        assert.ok(err instanceof HuaweiApiError);
        assertFast('unreadableResponse', body, () => {
          err = unreadableResponse({ status: 200, headers: {}, body });
        });
        assert.ok(err instanceof AccessError);
        assertFast('parseHuaweiResponse', body, () => {
          try {
            parseHuaweiResponse({ status, headers: {}, body });
          } catch (e) {
            err = e;
          }
        });
        assert.ok(err instanceof HuaweiApiError);
      },
      40,
      { endOnFailure: true },
    );
  });

  it('the body from the report (`<html` then `<title` without `>`, 120 KB) is summarised within the budget', () => {
    const body = `<html${'<title'.repeat(20_000)}`;
    assertFast('errorFromResponse', body, () => errorFromResponse(502, body, CTX));
    assertFast('parseHuaweiError', body, () => parseHuaweiError(502, {}, body));
  });

  it('the summaries still name what a long error page says (the title, the Connect message)', () => {
    const padding = '<p>filler</p>'.repeat(100_000);
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${padding}</body></html>`;
    assert.match(errorFromResponse(502, page, CTX).message, /HTML page \(502 Bad Gateway\)/);
    assert.match(parseHuaweiError(502, {}, page).errorMsg, /^502 Bad Gateway$/);
    const connect = JSON.stringify({ code: 'invalid_argument', message: `bad filter ${'x'.repeat(5000)}` });
    const e = errorFromResponse(400, connect, CTX);
    assert.equal(e.code, 'invalid_argument');
    assert.match(e.serverMessage, /^bad filter x{280,}…$/);
  });
});
