/** Fuzzing registry host inference/validation and the client command line. */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { AccessError } from '../../../src/core/errors';
import { displayCommandLine, loginArgv, logoutArgv } from '../../../src/core/registry/argv';
import {
  inferRegistryHost,
  registryHostProblem,
  RegistryHostInferenceError,
  resolveRegistryHost,
  validateRegistryHost,
} from '../../../src/core/registry/host';
import { anyString, fuzz, FUZZ_TIMEOUT_MS, PROTO_KEYS, resultOr } from './fuzz';

const label = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,6}[a-z0-9])?$/) },
  fc.constantFrom('-x', 'x-', 'a_b', 'xn--tda', 'ü', 'A', '%41', '%20', '*', '0', '255', '', ...PROTO_KEYS),
  anyString(5),
);
const hostname = fc.oneof(
  fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.')),
  fc.array(label, { minLength: 1, maxLength: 3 }).map((ls) => `openapi.${ls.join('.')}`),
  fc.constantFrom(
    'openapi.coscene.cn',
    'openapi.staging.coscene.cn',
    'openapi.api.coscene.dev',
    'api.dev.coscene.cn',
    'openapi.',
    'openapi',
    '[::1]',
    '127.0.0.1',
    'OPENAPI.Example.COM',
    'openapi.a.b.',
  ),
  fc.constantFrom(...PROTO_KEYS),
);
const endpoint = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('https://', 'http://', 'HTTPS://', 'foo://', 'file://', 'ws://', '', '//'),
      fc.option(fc.constantFrom('user@', 'user:pass@', ':@'), { nil: '' }),
      hostname,
      fc.option(
        fc.oneof(
          fc.integer({ min: 0, max: 70000 }).map((p) => `:${p}`),
          fc.constantFrom(':', ':x', ':443'),
        ),
        { nil: '' },
      ),
      fc.constantFrom('', '/', '/api?x=1', '#f', '/a b'),
      fc.constantFrom('', ' ', '\t'),
    )
    .map(([scheme, user, host, port, path, pad]) => `${pad}${scheme}${user}${host}${port}${path}${pad}`),
  anyString(40),
);

/** host[:port] candidates: mostly near-valid, with every kind of damage. */
const hostValue = fc.oneof(
  fc
    .tuple(
      hostname,
      fc.option(
        fc.oneof(fc.integer({ min: -1, max: 70000 }).map(String), fc.constantFrom('', '0', '00080', '65535', '65536', '1e3', ' 80')),
        { nil: undefined },
      ),
    )
    .map(([h, p]) => (p === undefined ? h : `${h}:${p}`)),
  fc.constantFrom(
    '[::1]:5000',
    '[::1]',
    '::1',
    '[fe80::1%eth0]',
    '[not-ip]:1',
    'cr.coscene.cn/',
    'https://cr.coscene.cn',
    ' cr.coscene.cn ',
    'cr..coscene.cn',
    '-cr.x',
    'cr.coscene.cn.',
    '.',
  ),
  anyString(30),
);

/**
 * How docker's CLI (cobra/pflag) reads `login` arguments: `--username v`, `--username=v`, `-u v`,
 * `--password v`, `-p v`, `--password-stdin`, one positional server; `--` ends the flags.
 */
function dockerReads(argv: readonly string[]): {
  command?: string;
  server?: string;
  username?: string;
  passwordStdin: boolean;
  password?: string;
} {
  const [command, ...rest] = argv;
  const out: { command?: string; server?: string; username?: string; passwordStdin: boolean; password?: string } = {
    command,
    passwordStdin: false,
    password: undefined,
  };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    const [flag, inline] =
      a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--username' || flag === '-u') out.username = inline ?? rest[++i];
    else if (flag === '--password' || flag === '-p') out.password = inline ?? rest[++i];
    else if (flag === '--password-stdin') out.passwordStdin = true;
    else if (a.startsWith('-') && a !== '-') throw new Error(`docker would reject the unknown flag ${a}`);
    else positional.push(a);
  }
  assert.ok(positional.length <= 1, `docker login takes at most one server, got ${JSON.stringify(positional)}`);
  out.server = positional[0];
  return out;
}

/** A POSIX shell's reading of a displayCommandLine() line: words split on spaces, '…' quoting, \\' outside quotes. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
      continue;
    }
    word ??= '';
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      assert.ok(end >= 0, `unterminated quote in ${line}`);
      word += line.slice(i + 1, end);
      i = end;
    } else if (c === '\\') {
      word += line[++i];
    } else word += c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

function assertAcceptedHost(host: string): void {
  assert.equal(typeof host, 'string');
  assert.equal(registryHostProblem(host), undefined, `"${host}" was produced but does not pass validation`);
  assert.equal(validateRegistryHost(host), host);
  assert.ok(!/[\s/]/.test(host) && !host.startsWith('-'), host);
}

describe('fuzz: registry host and client argv (registry/host.ts, argv.ts)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);

  it('inferRegistryHost: a host that passes validateRegistryHost, or RegistryHostInferenceError', () => {
    fuzz(
      endpoint,
      (e) => {
        const r = resultOr(() => inferRegistryHost(e), RegistryHostInferenceError);
        if (r.ok) {
          assertAcceptedHost(r.value);
          assert.ok(r.value.startsWith('cr.'), r.value);
        } else assert.ok(r.error instanceof AccessError && r.error.message.length > 0);
      },
      2000,
    );
  });

  it('validateRegistryHost: the trimmed host (valid, idempotent) or an AccessError', () => {
    fuzz(
      hostValue,
      (v) => {
        const r = resultOr(() => validateRegistryHost(v), AccessError);
        if (r.ok) {
          assert.equal(r.value, v.trim());
          assertAcceptedHost(r.value);
          const port = /:(\d+)$/.exec(r.value)?.[1];
          if (port !== undefined) assert.ok(Number(port) >= 1 && Number(port) <= 65535);
        } else assert.notEqual(registryHostProblem(v.trim()), undefined);
      },
      2000,
    );
  });

  it('resolveRegistryHost: the setting wins when set, any accepted host is valid, every failure is an AccessError', () => {
    fuzz(
      fc.record({
        setting: fc.option(fc.oneof(hostValue, fc.constantFrom('', '  ')), { nil: undefined }),
        endpoint: fc.option(endpoint, { nil: undefined }),
      }),
      (input) => {
        const r = resultOr(() => resolveRegistryHost(input), AccessError);
        if (!r.ok) return;
        assertAcceptedHost(r.value.host);
        assert.equal(r.value.source, input.setting?.trim() ? 'setting' : 'endpoint');
      },
      2000,
    );
  });

  // Pins what docker (or podman) does with the command: log in to <host> as <user> reading the password
  // from stdin. Read through a docker-style flag parser, not compared with a copy of loginArgv.
  it('docker reads the login as: server <host>, user <user>, password from stdin; the password is never in argv; the terminal line reads back as the argv', () => {
    const username = fc.oneof(
      fc.stringMatching(/^[a-z0-9._-]{1,20}$/),
      anyString(20).filter((s) => !s.includes('\u0000')),
    );
    const password = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9+/=!@#$%^&*()_-]{8,40}$/),
      anyString(30).filter((s) => s.length >= 8),
    );
    fuzz(
      fc.tuple(
        hostValue.filter((h) => registryHostProblem(h) === undefined),
        username,
        password,
        fc.constantFrom('docker', '/usr/bin/podman', 'C:\\Program Files\\Docker\\docker.exe'),
      ),
      ([host, user, pass, exe]) => {
        const argv = loginArgv(host, user);
        assert.deepEqual(dockerReads(argv), { command: 'login', server: host, username: user, passwordStdin: true, password: undefined });
        if (!host.includes(pass) && !user.includes(pass)) assert.ok(argv.every((a) => !a.includes(pass)));
        const line = displayCommandLine(exe, argv);
        if (!/[\r\n]/.test(line)) assert.deepEqual(shellWords(line), [exe, ...argv]);
        assert.deepEqual(shellWords(displayCommandLine(exe, logoutArgv(host))), [exe, 'logout', host]);
      },
      2000,
    );
  });
});
