import * as assert from 'node:assert/strict';
import { joinCredentials, splitCredentials, StoredCredentials, tokenStep } from '../../../../src/core/huawei/credentials';

const ORIGINS = { iam: 'https://iam.cn-north-4.myhuaweicloud.com', artifact: 'https://cloudartifacts-ext.cn-north-4.myhuaweicloud.com' };
const TOKEN = { token: 'MIIT-token-value', expiresAt: '2024-01-03T03:04:05.000Z', projectId: 'p1', domainId: 'd1', userName: 'dev' };
const PASSWORD: StoredCredentials = {
  kind: 'password',
  region: 'cn-north-4',
  userName: 'dev',
  domainName: 'acme',
  password: 'Secret-Pass-1',
  token: TOKEN,
  origins: ORIGINS,
};
const TOKEN_ONLY: StoredCredentials = {
  kind: 'tokenOnly',
  region: 'cn-north-4',
  userName: 'dev',
  domainName: 'acme',
  token: TOKEN,
  origins: ORIGINS,
};
const AKSK: StoredCredentials = {
  kind: 'aksk',
  region: 'cn-north-4',
  ak: 'AK1',
  sk: 'SK-secret',
  securityToken: 'ST-1',
  projectId: 'p1',
  domainId: 'd1',
  origins: ORIGINS,
};

describe('huawei stored credentials', () => {
  it('round-trips each kind through the public and secret halves, origins in the public half', () => {
    for (const c of [PASSWORD, TOKEN_ONLY, AKSK]) {
      const { pub, secret } = splitCredentials(c);
      assert.deepEqual(joinCredentials(JSON.parse(JSON.stringify(pub)), JSON.parse(JSON.stringify(secret))), JSON.parse(JSON.stringify(c)));
      assert.deepEqual((pub as { origins?: unknown }).origins, ORIGINS);
    }
  });

  it('keeps no password anywhere for a token-only sign-in, and no secret in the public half', () => {
    const { pub, secret } = splitCredentials(TOKEN_ONLY);
    assert.deepEqual(secret, { token: TOKEN.token });
    assert.ok(!JSON.stringify(pub).includes(TOKEN.token));
    const password = splitCredentials(PASSWORD);
    assert.ok(!JSON.stringify(password.pub).includes('Secret-Pass-1') && !JSON.stringify(password.pub).includes(TOKEN.token));
    assert.ok(!JSON.stringify(splitCredentials(AKSK).pub).includes('SK-secret'));
  });

  it('rejects halves that do not belong together', () => {
    assert.equal(
      joinCredentials(splitCredentials(PASSWORD).pub, splitCredentials(TOKEN_ONLY).secret),
      undefined,
      'password sign-in without its password',
    );
    assert.equal(
      joinCredentials(splitCredentials(TOKEN_ONLY).pub, splitCredentials(PASSWORD).secret),
      undefined,
      'a password where none may be kept',
    );
    assert.equal(joinCredentials(splitCredentials(AKSK).pub, splitCredentials(PASSWORD).secret), undefined);
    assert.equal(joinCredentials(splitCredentials(PASSWORD).pub, undefined), undefined);
  });

  it('reads credentials stored before origins were recorded (origins absent)', () => {
    const { pub, secret } = splitCredentials(PASSWORD);
    const { origins: _dropped, ...legacy } = pub as typeof pub & { origins?: unknown };
    const loaded = joinCredentials(legacy as typeof pub, secret);
    assert.equal(loaded?.kind, 'password');
    assert.equal(loaded?.origins, undefined);
  });

  it('renews a kept-password token an hour before it ends, and asks a token-only sign-in to sign in again when it ends', () => {
    const early = new Date('2024-01-03T01:00:00Z');
    const lastHour = new Date('2024-01-03T02:30:00Z');
    const ended = new Date('2024-01-03T03:03:30Z');
    assert.equal(tokenStep(PASSWORD, early), 'use');
    assert.equal(tokenStep(PASSWORD, lastHour), 'renew');
    assert.equal(tokenStep(TOKEN_ONLY, early), 'use');
    assert.equal(tokenStep(TOKEN_ONLY, lastHour), 'use', 'no renewal possible: used until it ends');
    assert.equal(tokenStep(TOKEN_ONLY, ended), 'signInAgain');
    assert.equal(tokenStep(AKSK, ended), 'use');
  });
});
