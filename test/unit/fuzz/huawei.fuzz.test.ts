/** Fuzzing what Huawei Cloud sends back: error envelopes, privilege/repository/user results, operation keywords, paths. */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { AccessError, formatMsg } from '../../../src/core/errors';
import { HuaweiApiError, parseHuaweiError, parseHuaweiResponse, type HuaweiErrorKind } from '../../../src/core/huawei/errors';
import { isKnownOperation, OPERATION_KEYWORDS, parseGrantedObjectPath, parseOperations } from '../../../src/core/huawei/labels';
import { readProjectUsers, readRepositories, readRepositoryPrivileges } from '../../../src/core/huawei/parse';
import { anyString, fuzz, FUZZ_TIMEOUT_MS, hugeString, PROTO_KEYS } from './fuzz';

const KINDS: HuaweiErrorKind[] = [
  'noPermission',
  'forbidden',
  'authFailed',
  'tokenExpired',
  'clockSkew',
  'throttled',
  'notFound',
  'serverError',
  'requestFailed',
];
const CODES = ['DEV.CR.4102', 'APIGW.0301', 'APIG.0301', 'APIGW.0308', 'APIG.0308', 'APIGW.0101', 'DEV.CR.5000', 'IAM.0001', 'CR.4102x'];

const scalarValue = fc.oneof(anyString(30), fc.constantFrom(...CODES), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const codeMessage = fc.oneof(
  fc.record({ error_code: scalarValue, error_msg: scalarValue }, { requiredKeys: [] }),
  fc.record({ errorCode: scalarValue, errorMsg: scalarValue }, { requiredKeys: [] }),
  fc.record({ code: scalarValue, message: scalarValue }, { requiredKeys: [] }),
);
const { envelope } = fc.letrec((tie) => ({
  envelope: fc.oneof(
    { depthSize: 'small' },
    codeMessage,
    fc.record(
      {
        status: fc.constantFrom('error', 'success', 'ok'),
        trace_id: scalarValue,
        traceId: scalarValue,
        request_id: scalarValue,
        error: tie('envelope'),
        result: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(fc.oneof(fc.constantFrom('error', 'errors', 'detail', ...PROTO_KEYS), fc.string({ maxLength: 5 })), tie('envelope'), {
      maxKeys: 3,
    }),
    fc.jsonValue({ maxDepth: 2 }),
  ),
}));
const pathologicalHtml = fc
  .tuple(fc.constantFrom('<', '<title', '<script', '<style', '<title>', '< ', '<a<'), fc.integer({ min: 50_000, max: 200_000 }))
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)));
const html = fc
  .tuple(anyString(40), anyString(300))
  .map(([t, b]) => `<html><head><title>${t}</title><style>p{}</style></head><body>${b}<script>x()</script></body></html>`);
const body = fc.oneof(
  envelope.map((e) => JSON.stringify(e) ?? ''),
  anyString(300),
  html,
  hugeString(100_000),
  fc
    .tuple(anyString(20), anyString(20))
    .map(([c, m]) => JSON.stringify({ error_code: c.repeat(2000), error_msg: m, trace_id: c.repeat(500) })),
);
const status = fc.oneof(
  fc.constantFrom(200, 201, 204, 302, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504),
  fc.integer({ min: 0, max: 999 }),
);
const headers = fc.record(
  {
    'x-request-id': fc.oneof(fc.uuid(), anyString(20), hugeString(10_000)),
    'retry-after': fc.oneof(
      fc.nat(1000).map(String),
      fc.constantFrom('9'.repeat(400), ' 5 ', '-1', '1.5', 'Wed, 21 Oct 2015 07:28:00 GMT', 'Fri, 01 Jan 2100 00:00:00 GMT', ''),
      anyString(12),
    ),
    'content-type': fc.constantFrom('application/json', 'text/html'),
  },
  { requiredKeys: [] },
);

/** Every user-facing field is a bounded, single-line string; retry-after is finite; the kind is consistent. */
function assertHuaweiError(e: HuaweiApiError, st: number): void {
  assert.ok(e instanceof AccessError && e instanceof HuaweiApiError);
  assert.ok(KINDS.includes(e.kind), e.kind);
  assert.equal(e.httpStatus, st);
  assert.equal(e.retryable, e.kind === 'throttled' || e.kind === 'serverError');
  assert.ok(e.errorMsg.length <= 201 && !/[\r\n]/.test(e.errorMsg), `errorMsg of ${e.errorMsg.length} chars`);
  assert.ok(e.errorCode.length > 0);
  assert.ok(e.actions.length > 0);
  assert.ok(formatMsg(e.userMessage).length <= 1200, `user message of ${formatMsg(e.userMessage).length} chars`);
  assert.ok((e.detail ?? '').length <= 3000, `detail of ${(e.detail ?? '').length} chars`);
  assert.ok(e.retryAfterMs === undefined || (Number.isFinite(e.retryAfterMs) && e.retryAfterMs >= 0), `retryAfterMs ${e.retryAfterMs}`);
  if (st === 429) assert.ok(['throttled', 'noPermission', 'authFailed', 'tokenExpired', 'clockSkew'].includes(e.kind));
}

describe('fuzz: Huawei Cloud responses (errors.ts, parse.ts, labels.ts)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);

  it('parseHuaweiError over arbitrary status, headers and envelopes: a HuaweiApiError with bounded text', () => {
    fuzz(fc.tuple(status, headers, body), ([st, h, b]) => assertHuaweiError(parseHuaweiError(st, h, b, 1_700_000_000_000), st), 700);
  });

  it('parseHuaweiError stays fast on pathological HTML (unclosed tags are not rescanned)', () => {
    fuzz(
      fc.tuple(fc.constantFrom(400, 502, 503), pathologicalHtml),
      ([st, b]) => {
        const started = performance.now();
        assertHuaweiError(parseHuaweiError(st, {}, b), st);
        const ms = performance.now() - started;
        assert.ok(ms < 1500, `${b.length} chars took ${Math.round(ms)} ms`);
      },
      20,
    );
  });

  it('parseHuaweiResponse: the parsed JSON, or an AccessError (HuaweiApiError for HTTP ≥ 400 and status "error")', () => {
    fuzz(
      fc.tuple(status, headers, body),
      ([st, h, b]) => {
        let json: unknown;
        try {
          json = parseHuaweiResponse({ status: st, headers: h, body: b });
        } catch (err) {
          assert.ok(err instanceof AccessError, String(err));
          if (st >= 400) assertHuaweiError(err as HuaweiApiError, st);
          else assert.ok((err as AccessError).detail === undefined || (err as AccessError).detail!.length <= 1200);
          return;
        }
        assert.ok(st < 400, `HTTP ${st} must throw`);
        const expected = JSON.parse(b) as unknown;
        assert.deepEqual(json, expected);
        assert.ok(!(json && typeof json === 'object' && !Array.isArray(json) && (json as { status?: unknown }).status === 'error'));
      },
      700,
    );
  });

  const privilege = fc.record(
    {
      role_id: scalarValue,
      role_name: scalarValue,
      role_chinese_name: scalarValue,
      project_id: scalarValue,
      area_service_id: scalarValue,
      granted_object_path: fc.oneof(
        scalarValue,
        fc.constantFrom('/codeartsartifact/artifact/repo/*', '/codeartsartifact/artifact/component/r1'),
      ),
      granted_object_type_id: scalarValue,
      operations: fc.oneof(
        scalarValue,
        fc.array(scalarValue, { maxLength: 4 }),
        fc.constantFrom('upload,downloadorview', 'UPLOAD, upload ,,export'),
      ),
      operations_index: fc.oneof(fc.array(fc.oneof(fc.integer(), scalarValue), { maxLength: 4 }), scalarValue),
    },
    { requiredKeys: [] },
  );
  const privilegesJson = fc
    .oneof(
      fc.record(
        {
          status: fc.constant('success'),
          trace_id: scalarValue,
          traceId: scalarValue,
          result: fc.dictionary(
            fc.oneof(anyString(10), fc.constantFrom(...PROTO_KEYS)),
            fc.oneof(fc.array(fc.oneof(privilege, scalarValue), { maxLength: 3 }), scalarValue),
            { maxKeys: 4 },
          ),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 3 }),
    )
    .map((v) => JSON.parse(JSON.stringify(v) ?? 'null') as unknown); // as it arrives: plain objects from JSON.parse

  it('readRepositoryPrivileges: undefined or one role per result key (server order), every field a string', () => {
    fuzz(
      fc.tuple(privilegesJson, fc.option(fc.uuid(), { nil: undefined })),
      ([json, requestId]) => {
        const r = readRepositoryPrivileges(json, requestId);
        const envelope = json && typeof json === 'object' && !Array.isArray(json) ? (json as { result?: unknown }) : undefined;
        const result = envelope && (envelope.result ?? {}); // omitempty: an absent or null result is an empty map
        if (!result || typeof result !== 'object' || Array.isArray(result)) return assert.equal(r, undefined);
        assert.ok(r);
        assert.equal(r.requestId, requestId);
        assert.equal(typeof r.traceId, 'string');
        assert.deepEqual(
          r.roles.map((x) => x.key),
          Object.keys(result),
        );
        for (const role of r.roles) {
          assert.ok(typeof role.roleName === 'string' && typeof role.roleChineseName === 'string');
          if (role.key !== '') assert.ok(role.roleName !== '' && role.roleChineseName !== '');
          assert.ok(role.roleId === undefined || role.roleId !== '');
          for (const p of role.privileges) {
            for (const k of [
              'role_id',
              'project_id',
              'area_service_id',
              'granted_object_path',
              'granted_object_type_id',
              'operations',
            ] as const)
              assert.equal(typeof p[k], 'string', k);
            assert.ok(p.operations_index === null || p.operations_index.every((n) => typeof n === 'number'));
          }
        }
      },
      1000,
    );
  });

  it('readRepositories / readProjectUsers: undefined or string fields and a finite, non-negative total', () => {
    const item = fc.dictionary(
      fc.constantFrom(
        'id',
        'name',
        'repositoryName',
        'projectId',
        'displayName',
        'format',
        'url',
        'user_id',
        'user_name',
        'role_id',
        'role_name',
        'privilege',
        'repo_id',
        ...PROTO_KEYS,
      ),
      scalarValue,
      { maxKeys: 8 },
    );
    const json = fc
      .oneof(
        fc.record(
          {
            result: fc.record(
              {
                total: fc.oneof(scalarValue, fc.constantFrom('12', '-1', '1e400', 'NaN')),
                repositories: fc.array(fc.oneof(item, scalarValue), { maxLength: 4 }),
                list: fc.array(fc.oneof(item, scalarValue), { maxLength: 4 }),
              },
              { requiredKeys: [] },
            ),
          },
          { requiredKeys: [] },
        ),
        fc.jsonValue({ maxDepth: 3 }),
      )
      .map((v) => JSON.parse(JSON.stringify(v) ?? 'null') as unknown);
    fuzz(
      json,
      (v) => {
        const repos = readRepositories(v);
        if (repos) {
          assert.ok(Number.isFinite(repos.total) && repos.total >= 0);
          for (const r of repos.repositories) for (const [, value] of Object.entries(r)) assert.equal(typeof value, 'string');
        }
        const users = readProjectUsers(v);
        if (users) {
          assert.ok(Number.isFinite(users.total) && users.total >= 0);
          for (const u of users.users) for (const [, value] of Object.entries(u)) assert.equal(typeof value, 'string');
        }
      },
      1000,
    );
  });

  // Pins what the permission matrix shows for a privilege's operations: each operation once, the known ones
  // in the console's order, and nothing the server sent dropped. The items are generated, never re-split.
  it('parseOperations: every operation the server listed shows once, known ones first in the console order, none lost', () => {
    const sep = fc.constantFrom(',', '，');
    const pad = fc.constantFrom('', ' ', '\t', '\u3000', '\u00a0');
    const keyword = fc.constantFrom(...OPERATION_KEYWORDS);
    const item = fc.oneof(
      keyword.map((k) => ({ text: k, shown: k })),
      keyword.map((k) => ({ text: k.toUpperCase(), shown: k })),
      fc
        .stringMatching(/^[A-Za-z0-9_./:-]{1,12}$/)
        .filter((t) => !isKnownOperation(t.toLowerCase()))
        .map((t) => ({ text: t, shown: t })),
    );
    const list = fc.array(fc.tuple(pad, item, pad), { maxLength: 10 }).chain((items) =>
      fc.array(sep, { minLength: items.length, maxLength: items.length }).map((seps) => ({
        items: items.map(([, it]) => it),
        text: items.map(([a, it, b], i) => `${a}${it.text}${b}${i < items.length - 1 ? seps[i] : ''}`).join(''),
      })),
    );
    fuzz(
      list,
      ({ items, text }) => {
        const out = parseOperations(text);
        const keywords = out.map((o) => o.keyword);
        assert.deepEqual(new Set(keywords), new Set(items.map((i) => i.shown)), 'every operation shows, and nothing else');
        assert.equal(new Set(keywords).size, keywords.length, 'each once');
        const known = keywords.filter((k) => isKnownOperation(k));
        assert.deepEqual(keywords.slice(0, known.length), known, 'known operations first');
        assert.deepEqual(
          known,
          OPERATION_KEYWORDS.filter((k) => known.includes(k)),
          'in the console order',
        );
        const unknown = keywords.slice(known.length);
        const firstSeen = [...new Set(items.map((i) => i.shown).filter((k) => !isKnownOperation(k)))];
        assert.deepEqual(unknown, firstSeen, 'unknown ones as the server sent them');
      },
      2000,
    );
    // Garbage never throws and never yields an empty or padded keyword.
    fuzz(
      fc.oneof(anyString(60), fc.constant(null), fc.constant(undefined)),
      (input) => {
        for (const o of parseOperations(input)) assert.ok(o.keyword !== '' && o.keyword === o.keyword.trim());
      },
      1000,
    );
  });

  // Pins how a granted object reads in the tree: "/codeartsartifact/artifact/<kind>/<target>" shows the kind
  // and target the console granted (a trailing "*" is a wildcard); any other path shows verbatim.
  it('parseGrantedObjectPath: the kind and target the path was built from, a trailing * is a wildcard; anything else verbatim', () => {
    const segment = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_.-]{1,10}$/),
      anyString(6).filter((s) => s !== '' && !s.includes('/') && s !== '*'),
    );
    const granted = fc
      .tuple(
        fc.constantFrom('component', 'repo'),
        fc.array(segment, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom('', '/', '//'),
      )
      .map(([kind, parts, wildcard, tail]) => {
        const target = [...parts, ...(wildcard ? ['*'] : [])].join('/');
        return { kind, target, wildcard, path: `/codeartsartifact/artifact/${kind}/${target}${tail}` };
      });
    fuzz(
      granted,
      (v) => {
        const g = parseGrantedObjectPath(v.path);
        assert.deepEqual(
          { kind: g.kind, target: g.target, wildcard: g.wildcard, raw: g.raw },
          { kind: v.kind, target: v.target, wildcard: v.wildcard, raw: v.path },
        );
      },
      2000,
    );
    const other = fc.oneof(
      anyString(40).filter((p) => !p.replace(/\/+/g, '/').startsWith('/codeartsartifact/artifact/')),
      fc.constantFrom(
        '',
        '/',
        'codeartsartifact/artifact',
        '/codeartsartifact/artifact/other/x',
        '/codeartsartifact/artifact/repo',
        '/codeartsartifact/artifact/repo/',
      ),
    );
    fuzz(
      other,
      (path) => {
        const g = parseGrantedObjectPath(path);
        assert.deepEqual({ kind: g.kind, target: g.target, raw: g.raw }, { kind: 'other', target: path, raw: path });
      },
      2000,
    );
  });
});
