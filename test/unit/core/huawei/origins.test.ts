import * as assert from 'node:assert/strict';
import { formatMsg } from '../../../../src/core/errors';
import { decideOrigins, isHuaweiCloudHost, nonHuaweiHosts, originError, originOf } from '../../../../src/core/huawei/origins';
import { artifactEndpoint, iamEndpoint } from '../../../../src/core/huawei/regions';

const HUAWEI = { iam: 'https://iam.cn-north-4.myhuaweicloud.com', artifact: 'https://cloudartifacts-ext.cn-north-4.myhuaweicloud.com' };

describe('huawei credential origins', () => {
  it('takes the origin of an endpoint base URL (a path on the same origin is the same place)', () => {
    assert.equal(originOf(iamEndpoint('cn-north-4')), HUAWEI.iam);
    assert.equal(originOf(artifactEndpoint('cn-north-4', 'http://127.0.0.1:8080/base/')), 'http://127.0.0.1:8080');
    assert.equal(originOf('https://IAM.example.com:443/v3'), 'https://iam.example.com');
  });

  it('uses the credentials when the settings still give the origins they were issued for', () => {
    assert.deepEqual(decideOrigins(HUAWEI, { ...HUAWEI }), { kind: 'ok', origins: HUAWEI, adopted: false });
  });

  it('refuses when the IAM endpoint moved, naming the old and the new host and offering a sign-in', () => {
    const decision = decideOrigins(HUAWEI, { ...HUAWEI, iam: 'https://evil.example:8443' });
    assert.deepEqual(decision, { kind: 'mismatch', service: 'iam', issued: HUAWEI.iam, current: 'https://evil.example:8443' });
    assert.ok(decision.kind === 'mismatch');
    const error = originError(decision);
    assert.match(formatMsg(error.userMessage), /IAM at iam\.cn-north-4\.myhuaweicloud\.com.*now point IAM to evil\.example:8443/);
    assert.ok(error.actions.includes('signIn'));
  });

  it('refuses when only the Artifact endpoint moved (the token would follow it)', () => {
    const decision = decideOrigins(HUAWEI, { ...HUAWEI, artifact: 'http://127.0.0.1:9' });
    assert.equal(decision.kind, 'mismatch');
    assert.ok(decision.kind === 'mismatch' && decision.service === 'artifact');
    assert.match(
      formatMsg(originError(decision).userMessage),
      /Artifact at cloudartifacts-ext\.cn-north-4\.myhuaweicloud\.com.*to 127\.0\.0\.1:9/,
    );
  });

  it('treats a change of scheme or port as another origin', () => {
    assert.equal(decideOrigins(HUAWEI, { ...HUAWEI, iam: 'https://iam.cn-north-4.myhuaweicloud.com:8443' }).kind, 'mismatch');
    assert.equal(
      decideOrigins(
        { iam: 'http://127.0.0.1:1', artifact: 'http://127.0.0.1:1' },
        { iam: 'https://127.0.0.1:1', artifact: 'http://127.0.0.1:1' },
      ).kind,
      'mismatch',
    );
  });

  it('binds credentials stored without origins to Huawei Cloud or loopback origins, and asks for a sign-in otherwise', () => {
    assert.deepEqual(decideOrigins(undefined, HUAWEI), { kind: 'ok', origins: HUAWEI, adopted: true });
    const local = { iam: 'http://127.0.0.1:4000', artifact: 'http://localhost:4000' };
    assert.deepEqual(decideOrigins(undefined, local), { kind: 'ok', origins: local, adopted: true });
    const elsewhere = decideOrigins(undefined, { ...HUAWEI, iam: 'https://iam.attacker.example' });
    assert.deepEqual(elsewhere, { kind: 'unbound', hosts: ['iam.attacker.example'] });
    assert.ok(elsewhere.kind === 'unbound');
    assert.ok(originError(elsewhere).actions.includes('signIn'));
  });

  it('knows Huawei Cloud hosts by domain suffix, not by substring', () => {
    for (const host of [
      'iam.myhuaweicloud.com',
      'cloudartifacts-ext.cn-north-4.myhuaweicloud.com',
      'IAM.MYHUAWEICLOUD.COM.',
      'console.huaweicloud.com',
      'myhuaweicloud.com',
    ]) {
      assert.equal(isHuaweiCloudHost(host), true, host);
    }
    for (const host of ['evilmyhuaweicloud.com', 'myhuaweicloud.com.evil.example', 'huaweicloud.com-x.io', 'example.com'])
      assert.equal(isHuaweiCloudHost(host), false, host);
  });

  it('lists the hosts to warn about: not Huawei Cloud and not loopback, each once', () => {
    assert.deepEqual(nonHuaweiHosts(HUAWEI), []);
    assert.deepEqual(nonHuaweiHosts({ iam: 'http://127.0.0.1:1', artifact: 'http://[::1]:2' }), []);
    assert.deepEqual(nonHuaweiHosts({ iam: 'https://proxy.corp.example', artifact: 'https://proxy.corp.example:8443' }), [
      'proxy.corp.example',
    ]);
    assert.deepEqual(nonHuaweiHosts({ iam: HUAWEI.iam, artifact: 'https://x.localhost' }), ['x.localhost']);
  });
});
