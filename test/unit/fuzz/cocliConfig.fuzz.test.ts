/** Fuzzing the cocli config parser (`~/.cocli.yaml`) and the profile resolution built on it. */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { Document, stringify, visit, type Scalar } from 'yaml';
import { formatMsg } from '../../../src/core/errors';
import { parseCocliConfig, type CocliConfig } from '../../../src/core/profiles/cocliConfig';
import { ConfigError } from '../../../src/core/profiles/configError';
import { endpointProblem } from '../../../src/core/profiles/endpoint';
import type { Profile } from '../../../src/core/profiles/profile';
import { ENV_PROFILE_NAME, resolveProfiles } from '../../../src/core/profiles/resolveProfiles';
import { anyString, fuzz, FUZZ_TIMEOUT_MS, lineCount, resultOr, syntaxString } from './fuzz';

const FILE = '/home/fuzz/.cocli.yaml';

// ---- generators of valid configs ----

interface GenProfile {
  name: string;
  endpoint: string;
  token: string;
  project: string;
  org?: string;
  'project-name'?: string;
}

interface GenConfig {
  current?: string;
  profiles: GenProfile[];
}

/** Non-blank text; the parser trims, so the expected value is the trimmed one. */
const text = (maxLength = 16) => fc.string({ minLength: 1, maxLength }).filter((s) => s.trim() !== '');
const name = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/),
  text(),
  fc.constantFrom('null', '~', 'true', '0123', 'yes', '- x', '#x', 'a: b'),
);
const hostLabel = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
const endpoint = fc.oneof(
  // The last label is alphabetic: WHATWG URL reads a numeric one as an (invalid) IPv4 address.
  fc
    .tuple(
      fc.array(hostLabel, { maxLength: 3 }),
      fc.stringMatching(/^[a-z]{2,6}$/),
      fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
      fc.constantFrom('', '/', '/api', '/a/b/'),
    )
    .map(([labels, tld, port, path]) => `https://${[...labels, tld].join('.')}${port ? `:${port}` : ''}${path}`),
  fc.constantFrom('http://localhost:8080', 'http://127.0.0.1:3000/', 'http://[::1]:9', 'https://openapi.coscene.cn', 'http://127.0.0.5'),
);
/** Realistic tokens (cocli's are 32 hex chars; some are digit-only with a leading zero). */
const token = fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{16,40}$/), fc.stringMatching(/^0[0-9]{15,31}$/));
const slug = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/), text());

const genProfile: fc.Arbitrary<GenProfile> = fc.record(
  { name, endpoint, token, project: slug, org: slug, 'project-name': slug.map((s) => `projects/${s}`) },
  { requiredKeys: ['name', 'endpoint', 'token', 'project'] },
);

const genConfig: fc.Arbitrary<GenConfig> = fc
  .uniqueArray(genProfile, { minLength: 0, maxLength: 4, selector: (p) => p.name.trim() })
  .chain((profiles) =>
    fc.record({
      profiles: fc.constant(profiles),
      current: profiles.length ? fc.option(fc.constantFrom(...profiles.map((p) => p.name)), { nil: undefined }) : fc.constant(undefined),
    }),
  );

function expected(config: GenConfig): CocliConfig {
  const profiles = config.profiles.map((p): Profile => {
    const org = p.org?.trim();
    const projectName = p['project-name']?.trim();
    return {
      name: p.name.trim(),
      endpoint: p.endpoint.trim(),
      token: p.token.trim(),
      project: p.project.trim(),
      ...(org ? { org } : {}),
      ...(projectName ? { projectName } : {}),
      source: 'cocli',
    };
  });
  return config.current === undefined ? { profiles } : { currentProfile: config.current.trim(), profiles };
}

function toYamlObject(config: GenConfig, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(config.current !== undefined ? { 'current-profile': config.current } : {}), profiles: config.profiles, ...extra };
}

/** How a document is written: indentation, and per-node scalar quoting / flow collections (cycled). */
interface Style {
  indent: number;
  scalarTypes: Scalar.Type[];
  flow: boolean[];
}

const style: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom(2, 4),
  scalarTypes: fc.array(fc.constantFrom<Scalar.Type>('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'), {
    minLength: 1,
    maxLength: 8,
  }),
  flow: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
});

/** Serialises like cocli or a hand-editor would: any quoting style yaml can represent, block or flow collections. */
function write(value: unknown, s: Style): string {
  const doc = new Document(value);
  let i = 0;
  let j = 0;
  visit(doc, {
    Scalar(key, node) {
      const type = s.scalarTypes[i++ % s.scalarTypes.length];
      // yaml writes block-scalar keys as explicit `? >-` entries that it cannot read back; no editor writes those.
      node.type = key === 'key' && type.startsWith('BLOCK') ? 'QUOTE_DOUBLE' : type;
    },
    Map(_key, node) {
      node.flow = s.flow[j++ % s.flow.length];
    },
    Seq(_key, node) {
      node.flow = s.flow[j++ % s.flow.length];
    },
  });
  return doc.toString({ indent: s.indent, lineWidth: 0 });
}

// ---- invariants ----

/** A successful parse: every profile complete, endpoints acceptable, names unique, current-profile among them. */
function assertValidConfig(config: CocliConfig): void {
  const names = new Set<string>();
  for (const p of config.profiles) {
    for (const key of ['name', 'endpoint', 'token', 'project'] as const) {
      assert.equal(typeof p[key], 'string');
      assert.ok(p[key].length > 0 && p[key] === p[key].trim(), `${key} must be trimmed non-empty text`);
    }
    assert.equal(endpointProblem(p.endpoint), undefined);
    assert.equal(p.source, 'cocli');
    assert.ok(!names.has(p.name), 'names are unique');
    names.add(p.name);
  }
  if (config.currentProfile !== undefined) assert.ok(names.has(config.currentProfile));
}

function assertConfigError(err: ConfigError, source: string, secrets: readonly string[] = []): void {
  assert.equal(err.filePath, FILE);
  assert.ok(Number.isInteger(err.line) && err.line >= 1, `line ${err.line} must be ≥ 1`);
  assert.ok(err.line <= lineCount(source), `line ${err.line} is past the end of a ${lineCount(source)}-line text`);
  assert.ok(Number.isInteger(err.column) && err.column >= 1, `column ${err.column} must be ≥ 1`);
  assert.deepEqual(err.actions, ['openConfig']);
  const shown = `${formatMsg(err.userMessage)}\n${err.message}\n${err.detail ?? ''}`;
  for (const secret of secrets) assert.ok(!shown.includes(secret), `the token leaked into: ${shown}`);
}

/** Parse; any outcome but a valid config or a well-formed ConfigError fails the property. */
function parseChecked(source: string, secrets: readonly string[] = []): CocliConfig | ConfigError {
  const r = resultOr(() => parseCocliConfig(source, FILE), ConfigError);
  if (r.ok) {
    assertValidConfig(r.value);
    return r.value;
  }
  assertConfigError(r.error, source, secrets);
  return r.error;
}

// ---- arbitrary YAML documents ----

const KEYS = ['current-profile', 'profiles', 'name', 'endpoint', 'token', 'project', 'org', 'project-name'];
const scalar = fc.oneof(
  { weight: 3, arbitrary: anyString(20) },
  fc.constantFrom('https://openapi.coscene.cn', 'http://localhost:1', 'null', '~', '', '0123', 'true'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('tree'), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), anyString(8)), tie('tree'), { maxKeys: 5 }),
}));
const yamlDocument = fc
  .tuple(
    fc.oneof(
      tree,
      fc.dictionary(fc.constantFrom(...KEYS), tree, { maxKeys: 4 }),
      fc.record({ profiles: fc.array(fc.dictionary(fc.constantFrom(...KEYS), tree, { maxKeys: 6 }), { maxLength: 3 }) }),
    ),
    style,
  )
  .map(([value, s]) => write(value, s));

/** Fragments that make small texts look like YAML: keys, list items, anchors, aliases, tags, directives, documents. */
const yamlishText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'current-profile: ',
        'profiles:',
        '\n',
        '\n  ',
        '\n  - ',
        '\n    ',
        'name: ',
        'endpoint: ',
        'token: ',
        'project: ',
        'https://openapi.coscene.cn',
        '&a ',
        '*a',
        '<<: *a',
        '!!str ',
        '!!int ',
        '!x ',
        '%YAML 1.2\n',
        '---\n',
        '...\n',
        '? ',
        '[',
        ']',
        '{',
        '}',
        ', ',
        '"',
        "'",
        '|',
        '>-',
        '# c',
        '\t',
        '\r\n',
        'x',
      ),
      syntaxString(6),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

// ---- mutations of a valid config ----

type Mutation =
  | { kind: 'drop' | 'null' | 'blank' | 'list' | 'map'; field: 'name' | 'endpoint' | 'token' | 'project' }
  | { kind: 'badEndpoint'; value: string }
  | { kind: 'duplicateName' }
  | { kind: 'unknownCurrent'; value: string }
  | { kind: 'extraField'; key: string; value: unknown }
  | { kind: 'numberProject'; value: number }
  | { kind: 'profilesNotList' }
  | { kind: 'itemNotMap'; value: unknown };

const REQUIRED = ['name', 'endpoint', 'token', 'project'] as const;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('drop', 'null', 'blank', 'list', 'map'),
    field: fc.constantFrom(...REQUIRED),
  }) as fc.Arbitrary<Mutation>,
  fc.record({
    kind: fc.constant('badEndpoint' as const),
    value: fc.constantFrom(
      'http://example.com',
      'ftp://openapi.coscene.cn',
      'openapi.coscene.cn',
      'https://',
      'not a url',
      'http://10.0.0.1',
      'javascript:alert(1)',
    ),
  }),
  fc.constant({ kind: 'duplicateName' as const }),
  fc.record({ kind: fc.constant('unknownCurrent' as const), value: fc.stringMatching(/^zz-[a-z]{1,8}$/) }),
  fc.record({
    kind: fc.constant('extraField' as const),
    key: fc.stringMatching(/^x-[a-z]{1,8}$/),
    value: fc.oneof(
      anyString(10),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
    ),
  }),
  fc.record({ kind: fc.constant('numberProject' as const), value: fc.integer({ min: 0, max: 1_000_000 }) }),
  fc.constant({ kind: 'profilesNotList' as const }),
  fc.record({
    kind: fc.constant('itemNotMap' as const),
    value: fc.oneof(fc.string({ maxLength: 8 }), fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 })),
  }),
);

/** Applies the mutation to profile `at`; returns the YAML value and what the parser must make of it. */
function mutate(config: GenConfig, m: Mutation, at: number): { value: Record<string, unknown>; expect: 'error' | CocliConfig } {
  const profiles: Record<string, unknown>[] = config.profiles.map((p) => ({ ...p }));
  const i = at % profiles.length;
  const base = toYamlObject(config);
  const withProfiles = (ps: unknown) => ({ ...base, profiles: ps });
  switch (m.kind) {
    case 'drop':
      delete profiles[i][m.field];
      return { value: withProfiles(profiles), expect: 'error' };
    case 'null':
      profiles[i][m.field] = null;
      return { value: withProfiles(profiles), expect: 'error' };
    case 'blank':
      profiles[i][m.field] = '  ';
      return { value: withProfiles(profiles), expect: 'error' };
    case 'list':
      profiles[i][m.field] = [profiles[i][m.field]];
      return { value: withProfiles(profiles), expect: 'error' };
    case 'map':
      profiles[i][m.field] = { value: profiles[i][m.field] };
      return { value: withProfiles(profiles), expect: 'error' };
    case 'badEndpoint':
      profiles[i].endpoint = m.value;
      return { value: withProfiles(profiles), expect: 'error' };
    case 'duplicateName':
      if (profiles.length < 2) return { value: withProfiles([...profiles, { ...profiles[i], token: 'dup' }]), expect: 'error' };
      profiles[(i + 1) % profiles.length].name = ` ${String(profiles[i].name)} `; // equal once trimmed
      return { value: withProfiles(profiles), expect: 'error' };
    case 'unknownCurrent':
      return { value: { ...base, 'current-profile': m.value }, expect: 'error' };
    case 'extraField': {
      profiles[i][m.key] = m.value;
      return { value: { ...withProfiles(profiles), [m.key]: m.value }, expect: expected(config) };
    }
    case 'numberProject': {
      profiles[i].project = m.value;
      const want = expected(config);
      want.profiles[i] = { ...want.profiles[i], project: String(m.value) };
      return { value: withProfiles(profiles), expect: want };
    }
    case 'profilesNotList':
      return { value: withProfiles(Object.fromEntries(profiles.map((p, k) => [`p${k}`, p]))), expect: 'error' };
    case 'itemNotMap':
      profiles[i] = m.value as Record<string, unknown>;
      return { value: withProfiles(profiles), expect: 'error' };
  }
}

/** Random character-level edits: what a half-finished hand edit looks like. */
const edits = fc.array(
  fc.record({
    at: fc.nat(),
    remove: fc.nat({ max: 4 }),
    insert: fc.oneof(
      fc.constantFrom('', ' ', '\n', '\t', ':', '- ', '"', "'", '|', '>', '*', '&', '!', '#', '[', '{', '%', '\\', '\r'),
      syntaxString(3),
    ),
  }),
  { minLength: 1, maxLength: 4 },
);

function applyEdits(source: string, list: { at: number; remove: number; insert: string }[]): string {
  let out = source;
  for (const e of list) {
    const at = out.length ? e.at % (out.length + 1) : 0;
    out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
  }
  return out;
}

describe('fuzz: cocli config (parseCocliConfig, resolveProfiles)', function () {
  this.timeout(FUZZ_TIMEOUT_MS);

  it('valid generated configs round-trip: names, endpoints, tokens, projects preserved, in any YAML style', () => {
    fuzz(
      fc.tuple(genConfig, style, fc.boolean()),
      ([config, s, cocliStyle]) => {
        const source = cocliStyle ? stringify(toYamlObject(config), { indent: 4, sortMapEntries: true }) : write(toYamlObject(config), s);
        const parsed = parseChecked(source);
        assert.ok(
          !(parsed instanceof ConfigError),
          `valid config rejected: ${parsed instanceof ConfigError ? parsed.message : ''}\n${source}`,
        );
        assert.deepEqual(parsed, expected(config));
      },
      200,
    );
  });

  it('mutated configs: the documented ConfigError (with a line in the text), never the token in the message', () => {
    fuzz(
      fc.tuple(
        genConfig.filter((c) => c.profiles.length > 0),
        mutation,
        fc.nat(),
        style,
      ),
      ([config, m, at, s]) => {
        const { value, expect } = mutate(config, m, at);
        const source = write(value, s);
        const outcome = parseChecked(
          source,
          config.profiles.map((p) => p.token),
        );
        if (expect === 'error') assert.ok(outcome instanceof ConfigError, `${m.kind} should be rejected:\n${source}`);
        else assert.deepEqual(outcome, expect, source);
      },
      250,
    );
  });

  it('hand-edit damage to a valid file: config or ConfigError at a real line, the token never echoed', () => {
    fuzz(
      fc.tuple(
        genConfig.filter((c) => c.profiles.length > 0),
        fc.constantFrom(2, 4),
        edits,
      ),
      ([config, indent, list]) => {
        const source = applyEdits(stringify(toYamlObject(config), { indent }), list);
        // An edit may move text around; only a token still intact in the text counts as one.
        parseChecked(
          source,
          config.profiles.map((p) => p.token).filter((t) => source.includes(t)),
        );
      },
      250,
    );
  });

  it('arbitrary YAML documents (mappings, lists, scalars): a valid config or a ConfigError at a real line', () => {
    fuzz(yamlDocument, (source) => void parseChecked(source), 250);
  });

  it('arbitrary text: a valid config or a ConfigError at a real line', () => {
    fuzz(fc.oneof(anyString(200), yamlishText), (source) => void parseChecked(source), 600);
  });

  it('resolveProfiles: never throws; a complete COS_* set wins, otherwise the file decides', () => {
    const envValue = fc.oneof(fc.constantFrom('', '  ', 'https://openapi.coscene.cn', 'proj'), anyString(12));
    const env = fc.record(
      {
        COS_ENDPOINT: envValue,
        COS_TOKEN: fc.oneof(envValue, token),
        COS_PROJECT: envValue,
        COS_PROJECTID: envValue,
        COS_ORG: envValue,
        OTHER: envValue,
      },
      { requiredKeys: [] },
    );
    const fileText = fc.option(
      fc.oneof(
        genConfig.map((c) => stringify(toYamlObject(c))),
        yamlishText,
        anyString(40),
      ),
      { nil: undefined },
    );
    fuzz(
      fc.tuple(fileText, env),
      ([text, vars]) => {
        const r = resolveProfiles({ fileText: text, filePath: FILE, env: vars });
        const file = text === undefined ? undefined : resultOr(() => parseCocliConfig(text, FILE), ConfigError);
        const fileProfiles = file?.ok ? file.value.profiles : [];
        const trimmed = (k: keyof typeof vars) => vars[k]?.trim() || undefined;
        const complete = Boolean(trimmed('COS_ENDPOINT') && trimmed('COS_TOKEN') && trimmed('COS_PROJECT'));
        assert.equal(r.envOverrides, complete);
        if (file && !file.ok) {
          assert.ok(r.error instanceof ConfigError);
          assert.equal(r.error.message, file.error.message);
          const envToken = trimmed('COS_TOKEN');
          if (envToken && envToken.length >= 8 && !(text ?? '').includes(envToken)) assert.ok(!r.error.message.includes(envToken));
        } else {
          assert.equal(r.error, undefined);
        }
        if (complete) {
          assert.equal(r.activeName, ENV_PROFILE_NAME);
          const env0 = r.profiles[0];
          assert.equal(env0.source, 'env');
          assert.deepEqual(
            [env0.endpoint, env0.token, env0.project],
            [trimmed('COS_ENDPOINT'), trimmed('COS_TOKEN'), trimmed('COS_PROJECT')],
          );
          assert.equal(env0.projectName, trimmed('COS_PROJECTID') ? `projects/${trimmed('COS_PROJECTID')}` : undefined);
          assert.equal(env0.org, trimmed('COS_ORG'));
          assert.deepEqual(r.profiles.slice(1), fileProfiles);
        } else {
          assert.equal(r.activeName, file?.ok ? file.value.currentProfile : undefined);
          assert.deepEqual(r.profiles, fileProfiles);
        }
      },
      250,
    );
  });
});
