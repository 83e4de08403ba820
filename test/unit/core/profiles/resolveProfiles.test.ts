import * as assert from 'node:assert/strict';
import { ENV_PROFILE_NAME, resolveProfiles } from '../../../../src/core/profiles/resolveProfiles';

const FILE = '/home/me/.cocli.yaml';
const TWO_PROFILES =
  'current-profile: io\nprofiles:\n  - {name: saas, endpoint: "https://openapi.coscene.cn", token: t1, project: mcap}\n  - {name: io, endpoint: "https://openapi.coscene.io", token: t2, project: lidar}\n';
const FULL_ENV = { COS_ENDPOINT: 'https://openapi.coscene.cn', COS_TOKEN: 'env-token', COS_PROJECT: 'envproj' };

describe('resolveProfiles', () => {
  it('uses current-profile from the file when no env set is present', () => {
    const r = resolveProfiles({ fileText: TWO_PROFILES, filePath: FILE, env: {} });
    assert.equal(r.activeName, 'io');
    assert.equal(r.envOverrides, false);
    assert.equal(r.error, undefined);
    assert.deepEqual(
      r.profiles.map((p) => p.name),
      ['saas', 'io'],
    );
  });

  it('a missing file means no profiles and no error', () => {
    assert.deepEqual(resolveProfiles({ filePath: FILE, env: {} }), {
      profiles: [],
      activeName: undefined,
      error: undefined,
      envOverrides: false,
    });
  });

  it('a complete COS_* set wins over the file and becomes ENV_LOADED_PROFILE', () => {
    const r = resolveProfiles({ fileText: TWO_PROFILES, filePath: FILE, env: { ...FULL_ENV, COS_PROJECTID: 'uuid-1', COS_ORG: 'acme' } });
    assert.equal(r.activeName, ENV_PROFILE_NAME);
    assert.equal(r.envOverrides, true);
    assert.deepEqual(r.profiles[0], {
      name: 'ENV_LOADED_PROFILE',
      endpoint: 'https://openapi.coscene.cn',
      token: 'env-token',
      project: 'envproj',
      projectName: 'projects/uuid-1',
      org: 'acme',
      source: 'env',
    });
    assert.deepEqual(
      r.profiles.slice(1).map((p) => p.name),
      ['saas', 'io'],
    );
  });

  for (const missing of ['COS_ENDPOINT', 'COS_TOKEN', 'COS_PROJECT'] as const) {
    it(`ignores a partial env set without ${missing}`, () => {
      const env: NodeJS.ProcessEnv = { ...FULL_ENV, COS_PROJECTID: 'x' };
      delete env[missing];
      const r = resolveProfiles({ fileText: TWO_PROFILES, filePath: FILE, env });
      assert.equal(r.activeName, 'io');
      assert.equal(r.envOverrides, false);
      assert.ok(r.profiles.every((p) => p.source === 'cocli'));
    });
  }

  it('treats blank env values as missing', () => {
    const r = resolveProfiles({ filePath: FILE, env: { ...FULL_ENV, COS_TOKEN: '  ' } });
    assert.equal(r.profiles.length, 0);
  });

  it('returns the config error and still offers a complete env profile', () => {
    const r = resolveProfiles({ fileText: 'profiles: [', filePath: FILE, env: FULL_ENV });
    assert.ok(r.error);
    assert.equal(r.error.filePath, FILE);
    assert.equal(r.activeName, ENV_PROFILE_NAME);
    assert.equal(r.profiles.length, 1);
  });

  it('returns the config error with no profiles when there is no env set', () => {
    const r = resolveProfiles({ fileText: 'current-profile: ghost\n', filePath: FILE, env: {} });
    assert.ok(r.error);
    assert.deepEqual(r.profiles, []);
    assert.equal(r.activeName, undefined);
  });
});
