/** Fuzzing redaction: a registered secret, in any of the forms it travels in, never survives redact(). */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { forgetSecret, redact, registerSecret } from '../../../src/core/redact';
import { anyString, cpuMs, fuzz, FUZZ_TIMEOUT_MS } from './fuzz';

/** Secrets as they come: API tokens, IAM SKs, registry passwords with symbols, non-ASCII. */
const secret = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{6,40}$/),
  fc.stringMatching(/^[A-Za-z0-9+/=!@#$%^&()_.~:;,?"'<>{}[\]\\ -]{6,30}$/),
  fc.string({ minLength: 6, maxLength: 20 }),
  fc.string({ unit: 'binary', minLength: 6, maxLength: 12 }),
);

/** The forms a secret takes in logs and bodies (the ones registerSecret promises to catch). */
const FORMS: ((s: string) => string)[] = [
  (s) => s,
  (s) => JSON.stringify(s).slice(1, -1),
  (s) => encodeURIComponent(s),
  (s) => Buffer.from(`apikey:${s}`, 'utf8').toString('base64'),
];

/** Where it sits: free text, a JSON document, a URL query, an auth header, a Basic header, CLI output. */
const CONTEXTS: ((form: string, raw: string) => string)[] = [
  (f) => f,
  (_f, raw) => JSON.stringify({ token: raw, nested: { password: raw, list: [raw] } }),
  (_f, raw) => `https://h.example/p?access_token=${encodeURIComponent(raw)}&x=1`,
  (f) => `Authorization: Basic ${f}`,
  (f) => `x-cos-auth-token: ${f}\r\n`,
  (f) => `level=error msg="login failed for ${f}"`,
  (f) => `${f}${f}`,
];

const embedded = fc.tuple(secret, fc.nat(FORMS.length - 1), fc.nat(CONTEXTS.length - 1), anyString(60), anyString(60));

describe('fuzz: redaction (redact.ts)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);

  it('a registered secret embedded in random text, in any travelling form, never survives', () => {
    fuzz(
      embedded,
      ([s, formIndex, contextIndex, before, after]) => {
        registerSecret(s);
        try {
          const form = FORMS[formIndex](s);
          const out = redact(before + CONTEXTS[contextIndex](form, s) + after);
          assert.ok(!out.includes(s), `secret survived: ${JSON.stringify(out)}`);
          for (const f of FORMS) assert.ok(!out.includes(f(s)), `a form of the secret survived: ${JSON.stringify(out)}`);
        } finally {
          forgetSecret(s);
        }
      },
      2500,
    );
  });

  it('several secrets at once (one may contain another): none survives', () => {
    fuzz(
      fc.tuple(
        fc.array(secret, { minLength: 2, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(3), fc.nat(FORMS.length - 1), anyString(10)), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
      ),
      ([secrets, parts, nest]) => {
        const all = nest ? [...secrets, `${secrets[0]}x${secrets[1]}`] : secrets;
        all.forEach(registerSecret);
        try {
          const text = parts.map(([i, f, filler]) => filler + FORMS[f](all[i % all.length])).join('');
          const out = redact(text);
          for (const s of all) {
            if (s.length < 6) continue;
            // Masking one secret may cut another that overlaps it; what must never appear is a whole one.
            assert.ok(!out.includes(s), `secret ${JSON.stringify(s)} survived in ${JSON.stringify(out)}`);
          }
        } finally {
          all.forEach(forgetSecret);
        }
      },
      1500,
    );
  });

  it('secret-looking key/value pairs are masked without a registration, even when the key word itself is registered', () => {
    const key = fc.constantFrom(
      'password',
      'token',
      'access_token',
      'secret',
      'sk',
      'ak',
      'api_key',
      'X-Auth-Token',
      'Authorization',
      'securitytoken',
      'passwd',
      'apikey',
      'accessToken',
      'refreshToken',
      'sessionToken',
      'secretKey',
      'privateKey',
      'x-api-key',
      'X-Api-Key',
      'client_secret',
      'dbPassword',
      'Cookie',
      'Set-Cookie',
    );
    const word = fc.stringMatching(/^[A-Za-z0-9._~+/-]{8,30}$/);
    const value = fc.oneof(
      word,
      fc.array(word, { minLength: 2, maxLength: 4 }).map((w) => w.join(' ')),
    );
    const shape = fc.constantFrom('json', 'query', 'header', 'kv', 'dquote', 'squote', 'yaml-quoted');
    fuzz(
      fc.tuple(key, value, shape, fc.boolean(), anyString(40), anyString(40)),
      ([k, v, sh, keyIsSecret, before, after]) => {
        const multiWord = v.includes(' ');
        // Unquoted multi-word values are only whole in header-like lines (the rest of the line is the value).
        if (multiWord && (sh === 'query' || sh === 'kv')) return;
        if (multiWord && sh === 'header' && !/^(authorization|x-auth-token|cookie|set-cookie|x-api-key)$/i.test(k)) return;
        const pair = {
          json: `{"${k}":"${v}"}`,
          query: `?${k}=${v}&n=1`,
          header: `${k}: ${v}\n`,
          kv: `${k}=${v} `,
          dquote: `${k}="${v}" `,
          squote: `${k}='${v}' `,
          'yaml-quoted': `${k}: "${v}"\n`,
        }[sh];
        if (keyIsSecret) registerSecret(k);
        try {
          const out = redact(`${before} ${pair} ${after}`);
          for (const part of v.split(' '))
            assert.ok(!out.includes(part) || `${before}${after}`.includes(part), `${k} value survived: ${JSON.stringify(out)}`);
          assert.equal(redact(out), out, 'redact is idempotent');
        } finally {
          if (keyIsSecret) forgetSecret(k);
        }
      },
      2500,
    );
  });

  it('a short secret (3–5 characters) is masked as a whole word and cuts no other word apart', () => {
    const short = fc.stringMatching(/^[A-Za-z0-9]{3,5}$/);
    const words = fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), { maxLength: 8 });
    const sep = fc.constantFrom(' ', ', ', '=', ': ', '\n', '"', '/', '(');
    fuzz(
      fc.tuple(short, words, words, sep),
      ([s, left, right, between]) => {
        registerSecret(s);
        try {
          const text = [...left, s, ...right].join(between);
          const out = redact(text);
          assert.ok(!out.split(/[^\p{L}\p{N}]+/u).includes(s), `whole-word secret survived: ${JSON.stringify(out)}`);
          const noWholeWord = [...left, ...right]
            .filter((w) => w !== s)
            .map((w) => `x${w}${s}`)
            .join(' ');
          assert.ok(
            redact(noWholeWord).includes(noWholeWord.split(' ')[0] ?? ''),
            `a word containing the secret was cut: ${JSON.stringify(redact(noWholeWord))}`,
          );
        } finally {
          forgetSecret(s);
        }
      },
      1000,
    );
  });

  it('URL userinfo and cookie headers never survive', () => {
    const cred = fc.stringMatching(/^[A-Za-z0-9._~!$&()*+,;=%-]{3,20}$/);
    fuzz(
      fc.tuple(
        cred,
        fc.option(cred, { nil: undefined }),
        fc.constantFrom('http', 'https', 'socks5', 'git+ssh'),
        anyString(30),
        anyString(30),
      ),
      ([user, password, scheme, before, after]) => {
        const userinfo = password === undefined ? user : `${user}:${password}`;
        const out = redact(`${before} ${scheme}://${userinfo}@host.example:8080/p?q=1 ${after}`);
        assert.ok(!out.includes(`${userinfo}@`), `userinfo survived: ${JSON.stringify(out)}`);
        const cookie = redact(`${before}\nCookie: sid=${user}; other=${password ?? 'x'}\n${after}`);
        assert.ok(!cookie.includes(`sid=${user}`), `cookie survived: ${JSON.stringify(cookie)}`);
      },
      1000,
    );
  });

  it('stays linear: adversarial 64 KB inputs (the most an error summary redacts) take under 50 ms of CPU', () => {
    registerSecret('fuzz-linear-secret');
    const units = [
      'password=',
      '"password":"',
      "'token':'",
      'token: "',
      'Authorization: ',
      'Bearer ',
      'https://',
      '://',
      '@',
      'a.',
      'x-',
      '\\',
      '"',
      ' ',
      'fuzz-linear-secre',
      'a=',
      'Cookie:',
    ];
    try {
      fuzz(
        fc.array(fc.constantFrom(...units), { minLength: 1, maxLength: 3 }),
        (parts) => {
          const chunk = parts.join('');
          const text = chunk.repeat(Math.ceil((64 * 1024) / chunk.length));
          const ms = cpuMs(() => redact(text), 50);
          assert.ok(ms < 50, `${Math.round(ms)} ms for ${JSON.stringify(chunk)} × ${Math.round(text.length / chunk.length)}`);
        },
        60,
        { endOnFailure: true },
      );
    } finally {
      forgetSecret('fuzz-linear-secret');
    }
  });
});
