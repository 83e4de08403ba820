import * as assert from 'node:assert/strict';
import { formatMsg } from '../../../../src/core/errors';
import { defaultCocliConfigPath, parseCocliConfig } from '../../../../src/core/profiles/cocliConfig';
import { ConfigError } from '../../../../src/core/profiles/configError';

const FILE = '/home/me/.cocli.yaml';

function parseError(text: string): ConfigError {
  try {
    parseCocliConfig(text, FILE);
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected ConfigError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a ConfigError');
}

describe('parseCocliConfig', () => {
  it('reads the hand-written minimal file from the contract', () => {
    const config = parseCocliConfig(
      'current-profile: saas\nprofiles:\n  - name: saas\n    endpoint: https://openapi.coscene.cn\n    token: 0123456789abcdef0123456789abcdef\n    project: mcap\n',
      FILE,
    );
    assert.deepEqual(config, {
      currentProfile: 'saas',
      profiles: [
        {
          name: 'saas',
          endpoint: 'https://openapi.coscene.cn',
          token: '0123456789abcdef0123456789abcdef',
          project: 'mcap',
          source: 'cocli',
        },
      ],
    });
  });

  it('reads the file as cocli rewrites it (4-space indent, sorted keys, caches)', () => {
    const config = parseCocliConfig(
      [
        'current-profile: io',
        'profiles:',
        '    - endpoint: https://openapi.coscene.cn',
        '      name: saas',
        '      org: coscene-lark',
        '      project: mcap',
        '      project-name: projects/3f09b8b5-3b31-436e-9232-0a8ffbc298da',
        '      token: 0123456789abcdef0123456789abcdef',
        '    - endpoint: https://openapi.coscene.io',
        '      name: io',
        '      project: lidar-tests',
        '      token: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl',
        '      unknown-key: kept-out',
      ].join('\n'),
      FILE,
    );
    assert.equal(config.currentProfile, 'io');
    assert.deepEqual(
      config.profiles.map((p) => p.name),
      ['saas', 'io'],
    );
    assert.equal(config.profiles[0].org, 'coscene-lark');
    assert.equal(config.profiles[0].projectName, 'projects/3f09b8b5-3b31-436e-9232-0a8ffbc298da');
    assert.equal(config.profiles[1].org, undefined);
    assert.ok(!('unknown-key' in config.profiles[1]));
  });

  it('keeps numeric-looking tokens as text, leading zeros included', () => {
    const config = parseCocliConfig('profiles:\n  - {name: n, endpoint: "https://x.example", token: 0123, project: 007}\n', FILE);
    assert.equal(config.profiles[0].token, '0123');
    assert.equal(config.profiles[0].project, '007');
    assert.equal(config.currentProfile, undefined);
  });

  for (const [label, text] of [
    ['empty', ''],
    ['only a comment', '# nothing yet\n'],
    ['null profiles', 'profiles:\n'],
  ] as const) {
    it(`accepts an ${label} file as "no profiles"`, () => {
      assert.deepEqual(parseCocliConfig(text, FILE), { profiles: [] });
    });
  }

  it('reports invalid YAML with the line of the problem and without the line text', () => {
    const e = parseError('current-profile: a\nprofiles:\n  - name: a\n    token: abcdefSECRET: x\n    project: p\n');
    assert.equal(e.filePath, FILE);
    assert.equal(e.line, 4);
    assert.equal(e.column, 12);
    assert.deepEqual(e.actions, ['openConfig']);
    assert.match(formatMsg(e.userMessage), /not valid YAML \(line 4/);
    assert.ok(!e.message.includes('abcdefSECRET'));
  });

  it('points at the second profile when a name is used twice', () => {
    const text =
      'profiles:\n  - {name: a, endpoint: "https://h", token: t1, project: p}\n  - name: a\n    endpoint: https://h\n    token: t2\n    project: p\n';
    const e = parseError(text);
    assert.equal(e.line, 3);
    assert.match(e.message, /"a" is used twice/);
  });

  it('rejects a duplicate key inside one profile', () => {
    const e = parseError('profiles:\n  - name: a\n    name: b\n');
    assert.equal(e.line, 3);
  });

  it('rejects current-profile naming no profile, at its line', () => {
    const e = parseError('profiles:\n  - {name: a, endpoint: "https://h", token: t, project: p}\ncurrent-profile: b\n');
    assert.equal(e.line, 3);
    assert.match(e.message, /current-profile is "b", but no profile has that name/);
  });

  it('rejects current-profile when there are no profiles', () => {
    const e = parseError('current-profile: saas\nprofiles: []\n');
    assert.equal(e.line, 1);
    assert.match(e.message, /no profiles/);
  });

  it('allows profiles without current-profile (nothing active)', () => {
    const config = parseCocliConfig('profiles:\n  - {name: a, endpoint: "https://h", token: t, project: p}\n', FILE);
    assert.equal(config.currentProfile, undefined);
    assert.equal(config.profiles.length, 1);
  });

  for (const key of ['endpoint', 'token', 'project']) {
    it(`rejects a profile without ${key}, naming the profile and the key`, () => {
      const fields = { name: 'prod', endpoint: 'https://h', token: 't', project: 'p' } as Record<string, string>;
      delete fields[key];
      const body = Object.entries(fields)
        .map(([k, v]) => `    ${k}: ${v}`)
        .join('\n');
      const e = parseError(`profiles:\n  - x: 1\n${body}\n`);
      assert.equal(e.line, 2, e.message);
      assert.equal(e.message, `${FILE}, line 2: profile "prod" has no "${key}".`);
    });
  }

  it('rejects an empty token value at its own line', () => {
    const e = parseError('profiles:\n  - name: a\n    endpoint: https://h\n    token: ""\n    project: p\n');
    assert.equal(e.line, 4);
  });

  it('rejects a profile without a name', () => {
    const e = parseError('profiles:\n  - endpoint: https://h\n    token: t\n    project: p\n');
    assert.equal(e.line, 2);
    assert.match(e.message, /has no "name"/);
  });

  it('rejects wrong types: profiles as a mapping, a profile as text, a name as a list, a top-level list', () => {
    assert.match(parseError('profiles:\n  name: a\n').message, /"profiles" must be a list/);
    assert.equal(parseError('profiles:\n  - just-text\n').line, 2);
    const nameList = parseError('profiles:\n  - name: [a, b]\n    endpoint: https://h\n    token: t\n    project: p\n');
    assert.equal(nameList.line, 2);
    assert.match(nameList.message, /"name" must be text/);
    assert.match(parseError('- a\n- b\n').message, /must be a mapping/);
    assert.match(parseError('current-profile: {x: 1}\n').message, /"current-profile" must be text/);
  });

  it('applies the endpoint rule at the endpoint line without echoing the token', () => {
    const text = (endpoint: string) => `profiles:\n  - name: a\n    token: tok-SECRET-1\n    endpoint: ${endpoint}\n    project: p\n`;
    const e = parseError(text('http://openapi.coscene.cn'));
    assert.equal(e.line, 4);
    assert.match(e.message, /must start with https:\/\//);
    assert.ok(!e.message.includes('tok-SECRET-1'));
    assert.match(parseError(text('not a url')).message, /is not a URL/);
    assert.equal(parseCocliConfig(text('http://127.0.0.1:8080'), FILE).profiles[0].endpoint, 'http://127.0.0.1:8080');
    assert.equal(parseCocliConfig(text('https://coscene.internal.example'), FILE).profiles.length, 1);
  });

  it('resolves YAML anchors and aliases', () => {
    const config = parseCocliConfig('profiles:\n  - &p {name: a, endpoint: "https://h", token: t, project: p}\ncurrent-profile: a\n', FILE);
    assert.equal(config.profiles[0].token, 't');
  });
});

describe('defaultCocliConfigPath', () => {
  it('is .cocli.yaml in the home directory', () => {
    assert.match(defaultCocliConfigPath('/home/me'), /^[/\\]home[/\\]me[/\\]\.cocli\.yaml$/);
  });
});
