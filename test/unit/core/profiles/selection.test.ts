import * as assert from 'node:assert/strict';
import type { ProfileInfo, ProfileSource } from '../../../../src/core/profiles/profile';
import {
  chooseActiveProfile,
  defaultProfile,
  followCocliSwitch,
  profileFingerprint,
  profileKey,
} from '../../../../src/core/profiles/selection';

const p = (source: ProfileSource, name: string, extra: Partial<ProfileInfo> = {}): ProfileInfo => ({
  name,
  source,
  endpoint: 'https://openapi.coscene.cn',
  project: 'proj',
  ...extra,
});

describe('profile selection', () => {
  const env = p('env', 'ENV_LOADED_PROFILE');
  const saas = p('cocli', 'saas');
  const io = p('cocli', 'io');
  const mine = p('extension', 'mine');
  const other = p('extension', 'other');

  it('keys a profile by source and name, so equal names from two sources stay apart', () => {
    assert.notEqual(profileKey('cocli', 'a'), profileKey('extension', 'a'));
  });

  it("default: a complete env set first, then cocli's current-profile, then the first added in VS Code", () => {
    assert.equal(defaultProfile([saas, io, mine, env], 'io'), env);
    assert.equal(defaultProfile([saas, io, mine], 'io'), io);
    assert.equal(defaultProfile([saas, io, mine, other], undefined), mine);
    assert.equal(defaultProfile([saas, io], 'gone'), saas);
    assert.equal(defaultProfile([], 'io'), undefined);
  });

  it('a stored choice wins while that profile exists; a removed one falls back to the default', () => {
    assert.equal(chooseActiveProfile([saas, io, mine], profileKey('extension', 'mine'), 'io'), mine);
    assert.equal(chooseActiveProfile([saas, io], profileKey('extension', 'mine'), 'io'), io);
    assert.equal(chooseActiveProfile([saas, io], undefined, 'saas'), saas);
    // The same name from another source is another profile.
    assert.equal(chooseActiveProfile([saas, p('extension', 'saas')], profileKey('extension', 'saas'), 'saas')?.source, 'extension');
  });

  it('follows `cocli login switch`: a changed current-profile becomes the active one', () => {
    assert.deepEqual(followCocliSwitch('saas', 'io'), { remember: true, activate: profileKey('cocli', 'io') });
  });

  it('does not switch when nothing changed, on the first look at the file, or when current-profile is gone', () => {
    assert.deepEqual(followCocliSwitch('io', 'io'), { remember: false });
    assert.deepEqual(followCocliSwitch(undefined, 'io'), { remember: true });
    assert.deepEqual(followCocliSwitch('io', undefined), { remember: true });
    assert.deepEqual(followCocliSwitch(undefined, undefined), { remember: false });
  });

  it('the fingerprint changes with the profile, a visible field, the file token or the config error — and only then', () => {
    const base = profileFingerprint(saas, 't1', undefined);
    assert.equal(profileFingerprint({ ...saas }, 't1', undefined), base);
    for (const changed of [
      profileFingerprint(io, 't1', undefined),
      profileFingerprint({ ...saas, endpoint: 'https://openapi.coscene.io' }, 't1', undefined),
      profileFingerprint({ ...saas, project: 'other' }, 't1', undefined),
      profileFingerprint({ ...saas, org: 'acme' }, 't1', undefined),
      profileFingerprint(p('extension', 'saas'), 't1', undefined),
      profileFingerprint(saas, 't2', undefined),
      profileFingerprint(saas, 't1', 'line 3: bad indentation'),
      profileFingerprint(undefined, '', undefined),
    ])
      assert.notEqual(changed, base);
  });
});
