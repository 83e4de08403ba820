/** Fuzzing what the coScene OpenAPI sends back: protojson decoders, Connect errors, and the client end to end. */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { createCosceneApi, userName } from '../../../src/core/coscene/api';
import {
  CONNECT_CODES,
  codeFromHttpStatus,
  CosceneApiError,
  errorFromResponse,
  InvalidResponseError,
} from '../../../src/core/coscene/apiErrors';
import {
  decodeBasicCredential,
  decodeOrganization,
  decodeProject,
  decodeRole,
  decodeRolePage,
  decodeUser,
  decodeUserList,
  decodeUserPage,
  ResponseShapeError,
} from '../../../src/core/coscene/decode';
import type { Page, Role, User } from '../../../src/core/coscene/model';
import { AccessError, formatMsg } from '../../../src/core/errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../../../src/core/http/types';
import { forgetSecret, registerSecret } from '../../../src/core/redact';
import { anyString, fuzz, fuzzAsync, FUZZ_TIMEOUT_MS, hugeString, PROTO_KEYS, resultOr } from './fuzz';

// ---- protojson encoding of model values (the variants a server may send) ----

const USER_FIELDS = ['name', 'nickname', 'email', 'phoneNumber', 'role', 'active', 'createTime'];
const ROLE_FIELDS = ['name', 'displayName', 'code', 'level'];
const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Per-field choices: camelCase or snake_case name, omit defaults, null for absent, extra unknown fields. */
interface Variant {
  snakeCase: boolean[];
  omitDefaults: boolean;
  nullForAbsent: boolean;
  int64AsString: boolean;
  extra: Record<string, unknown>;
}

const variant: fc.Arbitrary<Variant> = fc.record({
  snakeCase: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
  omitDefaults: fc.boolean(),
  nullForAbsent: fc.boolean(),
  int64AsString: fc.boolean(),
  extra: fc.dictionary(fc.stringMatching(/^x[A-Za-z_]{0,6}$/), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
});

function encodeMessage(fields: [string, unknown, unknown][], v: Variant): Record<string, unknown> {
  const out: Record<string, unknown> = { ...v.extra };
  fields.forEach(([camel, value, dflt], i) => {
    const key = v.snakeCase[i % v.snakeCase.length] ? snake(camel) : camel;
    if (value === undefined) {
      if (v.nullForAbsent) out[key] = null;
      return;
    }
    if (v.omitDefaults && value === dflt) return;
    out[key] = value;
  });
  return out;
}

const str = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'users/0b6f4c1e', 'PROJECT_WRITER', 'organization', '2024-01-02T03:04:05Z'),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const role: fc.Arbitrary<Role> = fc.record({ name: str, displayName: str, code: str, level: str });
const user: fc.Arbitrary<User> = fc.record(
  { name: str, nickname: str, email: str, phoneNumber: str, role, active: fc.boolean(), createTime: str.filter((s) => s !== '') },
  { requiredKeys: ['name', 'email', 'phoneNumber', 'active'] },
);

const encodeRole = (r: Role, v: Variant) =>
  encodeMessage(
    ROLE_FIELDS.map((f) => [f, r[f as keyof Role], '']),
    v,
  );
const encodeUser = (u: User, v: Variant) =>
  encodeMessage(
    [
      ['name', u.name, ''],
      ['nickname', u.nickname, undefined],
      ['email', u.email, ''],
      ['phoneNumber', u.phoneNumber, ''],
      ['role', u.role && encodeRole(u.role, v), undefined],
      ['active', u.active, false],
      ['createTime', u.createTime, ''],
    ],
    v,
  );

function encodePage<T>(
  items: T[],
  token: string,
  total: number | undefined,
  key: string,
  enc: (t: T) => unknown,
  v: Variant,
): Record<string, unknown> {
  return encodeMessage(
    [
      [key, items.map(enc), []],
      ['nextPageToken', token, ''],
      ['totalSize', total === undefined ? undefined : v.int64AsString ? String(total) : total, 0],
    ],
    { ...v, omitDefaults: v.omitDefaults && items.length > 0 },
  );
}

// ---- shape checks (typed result) ----

function isRole(r: unknown): r is Role {
  if (!r || typeof r !== 'object') return false;
  const o = r as Record<string, unknown>;
  return Object.keys(o).sort().join() === 'code,displayName,level,name' && ROLE_FIELDS.every((f) => typeof o[f] === 'string');
}

function assertUser(u: User): void {
  assert.ok(['name', 'email', 'phoneNumber'].every((f) => typeof u[f as keyof User] === 'string'));
  assert.equal(typeof u.active, 'boolean');
  assert.ok(u.nickname === undefined || typeof u.nickname === 'string');
  assert.ok(u.createTime === undefined || (typeof u.createTime === 'string' && u.createTime !== ''));
  assert.ok(u.role === undefined || isRole(u.role));
  assert.deepEqual(
    Object.keys(u).filter((k) => !USER_FIELDS.includes(k)),
    [],
  );
}

function assertPage<T>(p: Page<T>, item: (t: T) => void): void {
  assert.ok(Array.isArray(p.items));
  p.items.forEach(item);
  assert.equal(typeof p.nextPageToken, 'string');
  assert.ok(p.totalSize === undefined || Number.isSafeInteger(p.totalSize));
}

/** Decoding either yields a well-typed value or a ResponseShapeError naming a bounded path (never a TypeError). */
function decodeChecked<T>(decode: () => T, check: (t: T) => void): void {
  const r = resultOr(decode, ResponseShapeError);
  if (r.ok) check(r.value);
  else {
    assert.ok(r.error.path.length < 200 && r.error.message.length < 300, r.error.message);
    assert.match(r.error.path, /^(response|user|role|organization|project|credential)\b/);
  }
}

// ---- arbitrary JSON, and JSON built from the real field names ----

const FIELD_NAMES = [
  ...new Set(
    [...USER_FIELDS, ...ROLE_FIELDS, 'users', 'roles', 'nextPageToken', 'totalSize', 'slug', 'username', 'password'].flatMap((f) => [
      f,
      snake(f),
    ]),
  ),
];
const { protoish } = fc.letrec((tie) => ({
  protoish: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }),
    fc.constantFrom('12', ' 7 ', '-3', '1e3', '9007199254740993', '', '0x10'),
    fc.double(),
    tie('obj'),
    tie('arr'),
  ),
  obj: fc.dictionary(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) }, fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 6 })),
    tie('protoish'),
    { maxKeys: 6 },
  ),
  arr: fc.array(tie('protoish'), { maxLength: 3 }),
}));
const anyJson = fc.oneof(
  fc.jsonValue(),
  protoish,
  protoish.map((v) => JSON.parse(JSON.stringify(v ?? null)) as unknown),
);

// ---- HTTP bodies ----

const html = fc
  .tuple(anyString(40), anyString(200))
  .map(
    ([title, text]) =>
      `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${text}</h1><script>var t="${text}"</script></body></html>`,
  );
const connectBody = fc.record(
  {
    code: fc.oneof(fc.constantFrom(...CONNECT_CODES), anyString(12)),
    message: fc.oneof(anyString(80), hugeString(5000), fc.jsonValue({ maxDepth: 1 })),
    details: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  anyString(300),
  html,
  connectBody.map((b) => JSON.stringify(b)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  hugeString(200_000),
  connectBody.map((b) => JSON.stringify(b).slice(0, -1)),
);
const status = fc.oneof(
  fc.constantFrom(0, 100, 200, 204, 301, 400, 401, 403, 404, 408, 409, 429, 499, 500, 502, 503, 504, 599),
  fc.integer({ min: -1, max: 1200 }),
);
const ctx = fc.record(
  {
    procedure: fc.constantFrom('UserService/ListUsers', 'RoleService/ListRoles'),
    profileName: fc.string({ maxLength: 20 }),
    origin: fc.constantFrom('https://openapi.coscene.cn', 'http://127.0.0.1:1'),
    retryAfterMs: fc.option(fc.nat(30_000), { nil: undefined }),
  },
  { requiredKeys: ['procedure', 'profileName', 'origin'] },
);

/** Connect's own `code` when the body is a Connect error, else connect-go's HTTP mapping. */
function expectedCode(statusCode: number, text: string): string {
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { code?: unknown }).code === 'string') {
      const c = (v as { code: string }).code;
      return (CONNECT_CODES as readonly string[]).includes(c) ? c : 'unknown';
    }
  } catch {
    /* not JSON */
  }
  return codeFromHttpStatus(statusCode);
}

const SECRET = 'fuzzTokenZ9q8w7e6r5t4y3';

/** fast-check may build null-prototype objects; the decoders return plain ones. */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('fuzz: coScene responses (decode.ts, apiErrors.ts, api.ts)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);

  it('every decoder over arbitrary JSON: a typed value or ResponseShapeError, never a TypeError', () => {
    fuzz(
      anyJson,
      (value) => {
        decodeChecked(() => decodeUser(value), assertUser);
        decodeChecked(
          () => decodeRole(value),
          (r) => assert.ok(isRole(r)),
        );
        decodeChecked(
          () => decodeUserPage(value),
          (p) => assertPage(p, assertUser),
        );
        decodeChecked(
          () => decodeRolePage(value),
          (p) => assertPage(p, (r) => assert.ok(isRole(r))),
        );
        decodeChecked(
          () => decodeUserList(value),
          (l) => l.forEach(assertUser),
        );
        decodeChecked(
          () => decodeOrganization(value),
          (o) => assert.ok([o.name, o.slug, o.displayName].every((s) => typeof s === 'string')),
        );
        decodeChecked(
          () => decodeProject(value),
          (o) => assert.ok([o.name, o.slug, o.displayName].every((s) => typeof s === 'string')),
        );
        decodeChecked(
          () => decodeBasicCredential(value),
          (c) => assert.ok(typeof c.username === 'string' && c.username !== '' && typeof c.password === 'string' && c.password !== ''),
        );
      },
      1500,
    );
  });

  it('protojson variants round-trip: camelCase/snake_case, omitted defaults, null, int64 as string or number', () => {
    const pageArb = fc.record({
      users: fc.array(user, { maxLength: 4 }),
      roles: fc.array(role, { maxLength: 4 }),
      token: str,
      total: fc.option(fc.nat(), { nil: undefined }),
    });
    fuzz(
      fc.tuple(pageArb, variant),
      ([p, v]) => {
        const wire = JSON.parse(JSON.stringify(encodePage(p.users, p.token, p.total, 'users', (u) => encodeUser(u, v), v))) as Record<
          string,
          unknown
        >;
        const totalSent = (wire.totalSize ?? wire.total_size ?? null) !== null;
        const users = decodeUserPage(wire);
        assert.deepEqual(users, { items: plain(p.users), nextPageToken: p.token, ...(totalSent ? { totalSize: p.total } : {}) });
        const roles = decodeRolePage(encodePage(p.roles, p.token, p.total, 'roles', (r) => encodeRole(r, v), v));
        assert.deepEqual(roles.items, plain(p.roles));
        assert.equal(roles.nextPageToken, p.token);
      },
      800,
    );
  });

  it('camelCase wins over snake_case; wrong types are ResponseShapeError naming the field', () => {
    fuzz(
      fc.tuple(str, str, fc.jsonValue({ maxDepth: 1 })),
      ([camel, snakeValue, wrong]) => {
        assert.equal(decodeUser({ phoneNumber: camel, phone_number: snakeValue }).phoneNumber, camel);
        assert.equal(decodeUser({ phone_number: snakeValue }).phoneNumber, snakeValue);
        if (typeof wrong !== 'string' && wrong !== null) {
          assert.throws(
            () => decodeUser({ email: wrong }),
            (e: unknown) => e instanceof ResponseShapeError && e.path === 'user.email',
          );
          assert.throws(
            () => decodeUserPage({ users: [{ role: { code: wrong } }] }),
            (e: unknown) => e instanceof ResponseShapeError && e.path === 'response.users[0].role.code',
          );
        }
      },
      500,
    );
  });

  it('errorFromResponse over arbitrary status and body (HTML, huge, broken JSON): a CosceneApiError with bounded text', () => {
    registerSecret(SECRET);
    try {
      const withSecret = fc
        .tuple(
          body,
          fc.nat(),
          fc.constantFrom(SECRET, JSON.stringify({ message: `token ${SECRET}` }), `{"code":"internal","message":"bad ${SECRET}"}`),
        )
        .map(([b, at, s]) => {
          const i = at % (b.length + 1);
          return b.slice(0, i) + s + b.slice(i);
        });
      fuzz(
        fc.tuple(status, fc.oneof(body, withSecret), ctx),
        ([st, text, c]) => {
          const err = errorFromResponse(st, text, c);
          assert.ok(err instanceof CosceneApiError && err instanceof AccessError);
          assert.equal(err.name, 'CosceneApiError');
          assert.ok((CONNECT_CODES as readonly string[]).includes(err.code));
          assert.equal(err.code, expectedCode(st, text));
          assert.equal(err.httpStatus, st);
          assert.equal(err.procedure, c.procedure);
          assert.equal(err.retryAfterMs, c.retryAfterMs);
          assert.ok(err.actions.length > 0);
          assert.ok(err.serverMessage.length <= 301 && !/\p{Cc}/u.test(err.serverMessage), `serverMessage: ${err.serverMessage.length}`);
          const ctxLength = c.procedure.length + c.profileName.length + c.origin.length;
          assert.ok(formatMsg(err.userMessage).length <= 500 + ctxLength, `message of ${formatMsg(err.userMessage).length} chars`);
          assert.ok((err.detail ?? '').length <= 1000, `detail of ${(err.detail ?? '').length} chars`);
          for (const t of [err.message, err.detail ?? '', err.serverMessage]) assert.ok(!t.includes(SECRET), `secret in: ${t}`);
        },
        700,
      );
    } finally {
      forgetSecret(SECRET);
    }
  });

  it('a registered secret cut by the 200-character body excerpt does not leak its beginning', () => {
    registerSecret(SECRET);
    try {
      fuzz(
        fc.tuple(
          fc.integer({ min: 150, max: 199 }),
          fc.constantFrom('x', ' ', '<p>', '-'),
          status.filter((s) => s !== 200),
        ),
        ([at, pad, st]) => {
          const text = pad.repeat(at).slice(0, at) + SECRET + ' tail';
          const err = errorFromResponse(st, text, { procedure: 'UserService/ListUsers', profileName: 'p', origin: 'https://o' });
          assert.ok(!(err.detail ?? '').includes(SECRET.slice(0, 8)), `secret prefix in detail: ${err.detail}`);
        },
        200,
      );
    } finally {
      forgetSecret(SECRET);
    }
  });

  it('the client end to end: any HTTP answer → a typed result or an AccessError (retries included)', async () => {
    const answer = fc.record({
      status: fc.oneof({ weight: 3, arbitrary: fc.constant(200) }, status),
      body: fc.oneof(
        body,
        fc.integer({ min: 150, max: 199 }).map((n) => `${'x'.repeat(n)}${SECRET}`),
        anyJson.map((v) => JSON.stringify(v) ?? ''),
        fc
          .tuple(fc.array(user, { maxLength: 3 }), variant)
          .map(([us, v]) => JSON.stringify(encodePage(us, 't', us.length, 'users', (u) => encodeUser(u, v), v))),
      ),
      retryAfter: fc.option(fc.oneof(fc.constantFrom('1', '0', '99999999999', 'Wed, 21 Oct 2015 07:28:00 GMT'), anyString(10)), {
        nil: undefined,
      }),
    });
    await fuzzAsync(
      fc.tuple(
        fc.array(answer, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('listUsers', 'listRoles', 'getUser', 'createBasicCredential', 'getOrganization'),
      ),
      async ([answers, method]) => {
        const requests: HttpRequest[] = [];
        const http: HttpClient = {
          async request(req: HttpRequest): Promise<HttpResponse> {
            const a = answers[Math.min(requests.length, answers.length - 1)];
            requests.push(req);
            return { status: a.status, headers: a.retryAfter === undefined ? {} : { 'retry-after': a.retryAfter }, body: a.body };
          },
          async close() {},
        };
        const sleeps: number[] = [];
        const api = createCosceneApi({
          endpoint: 'https://openapi.fuzz.test',
          token: SECRET,
          profileName: 'fuzz',
          http,
          sleep: async (ms) => void sleeps.push(ms),
          random: () => 0.5,
        });
        try {
          const result: unknown = await (method === 'getUser'
            ? api.getUser('abc')
            : method === 'listUsers'
              ? api.listUsers({})
              : method === 'listRoles'
                ? api.listRoles({})
                : method === 'createBasicCredential'
                  ? api.createBasicCredential()
                  : api.getOrganization());
          assert.ok(result && typeof result === 'object');
          assert.equal(answers[Math.min(requests.length, answers.length) - 1].status, 200, 'only a 200 answer yields a result');
        } catch (err) {
          assert.ok(err instanceof AccessError, `not an AccessError: ${String(err)}`);
          if (err instanceof InvalidResponseError) assert.ok(err.message.length < 400);
          assert.ok(!`${err.message}\n${err.detail ?? ''}`.includes(SECRET.slice(0, 8)), `token (or its beginning) in: ${err.detail}`);
        } finally {
          forgetSecret(SECRET);
        }
        assert.ok(requests.length >= 1 && requests.length <= 4, `${requests.length} requests (1 + at most 3 retries)`);
        assert.ok(
          sleeps.every((ms) => ms >= 0 && ms <= 30_000),
          `slept ${sleeps.join(', ')}`,
        );
        for (const r of requests) assert.ok(!r.body?.includes(SECRET) && !r.url.includes(SECRET));
      },
      300,
    );
  });

  // Pins what Get User asks the server for, whatever the user types around an id: the id they meant
  // (bare or as users/<id>, padded with any whitespace), or themselves for an empty answer.
  it('Get User input: any padding around <id> or users/<id> asks for users/<id>; empty asks for the current user', () => {
    const id = fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/));
    const space = fc.constantFrom('', ' ', '\t', '\n', '\r\n', '\u00a0', '\u3000');
    const typed = fc
      .tuple(space, id, fc.boolean(), space)
      .map(([before, raw, prefixed, after]) => ({ id: raw, text: `${before}${prefixed ? 'users/' : ''}${raw}${after}` }));
    fuzz(
      typed,
      ({ id: raw, text }) => {
        assert.equal(userName(text), `users/${raw}`);
      },
      1500,
    );
    fuzz(
      fc.array(space, { maxLength: 4 }).map((parts) => parts.join('')),
      (blank) => assert.equal(userName(blank), 'users/current'),
      100,
    );
    // Anything else still names one users/… resource with a non-empty, trimmed id, and is never turned into
    // the current user (that would show the wrong person).
    fuzz(
      fc.oneof(anyString(30), fc.constantFrom('users/', 'users//', '/', 'users/a/b', 'projects/x', '../x', 'USERS/x')),
      (text) => {
        const out = userName(text);
        assert.ok(out.startsWith('users/'));
        const rest = out.slice('users/'.length);
        assert.ok(rest.length > 0 && rest === rest.trim());
        if (text.trim() !== '' && text.trim() !== 'users/current' && text.trim() !== 'current') assert.notEqual(out, 'users/current');
      },
      1500,
    );
  });
});
