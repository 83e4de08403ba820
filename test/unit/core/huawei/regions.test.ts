import * as assert from 'node:assert/strict';
import { AccessError } from '../../../../src/core/errors';
import { artifactEndpoint, HUAWEI_REGIONS, iamEndpoint, validateEndpointOverride } from '../../../../src/core/huawei/regions';

describe('huawei regions (§1.1)', () => {
  it('maps regions to the documented hosts, including the five artifact.* ones', () => {
    assert.equal(artifactEndpoint('cn-north-4'), 'https://cloudartifacts-ext.cn-north-4.myhuaweicloud.com');
    assert.equal(artifactEndpoint('cn-south-1'), 'https://artifact.cn-south-1.myhuaweicloud.com');
    assert.equal(artifactEndpoint('ap-southeast-3'), 'https://artifact.ap-southeast-3.myhuaweicloud.com');
    assert.equal(HUAWEI_REGIONS.length, 15);
    assert.equal(HUAWEI_REGIONS.filter((r) => artifactEndpoint(r).startsWith('https://artifact.')).length, 5);
  });

  it('unknown region without override → clear error pointing at the settings', () => {
    assert.throws(
      () => artifactEndpoint('xx-nowhere-9'),
      (e: unknown) =>
        e instanceof AccessError &&
        /Unknown Huawei Cloud region "xx-nowhere-9"/.test(e.message) &&
        e.actions.includes('openHuaweiSettings'),
    );
  });

  it('an override wins and loses its trailing slash', () => {
    assert.equal(
      artifactEndpoint('cn-north-4', 'https://artifact.cn-north-4.myhuaweicloud.com/'),
      'https://artifact.cn-north-4.myhuaweicloud.com',
    );
    assert.equal(artifactEndpoint('nowhere', ' http://127.0.0.1:8080/base/ '), 'http://127.0.0.1:8080/base');
    assert.equal(artifactEndpoint('cn-north-4', '  '), 'https://cloudartifacts-ext.cn-north-4.myhuaweicloud.com');
  });

  it('IAM endpoint per region, validated', () => {
    assert.equal(iamEndpoint('cn-north-4'), 'https://iam.cn-north-4.myhuaweicloud.com');
    assert.equal(iamEndpoint('cn-north-4', 'https://iam.myhuaweicloud.com'), 'https://iam.myhuaweicloud.com');
    assert.throws(() => iamEndpoint('evil.com/x'), /not a valid Huawei Cloud region ID/);
  });

  it('accepts http only for loopback hosts', () => {
    assert.equal(validateEndpointOverride('http://localhost:3000'), 'http://localhost:3000');
    assert.equal(validateEndpointOverride('http://[::1]:3000'), 'http://[::1]:3000');
    for (const bad of [
      'http://example.com',
      'ftp://example.com',
      'not a url',
      'https://u:p@example.com',
      'https://example.com/?a=1',
      'http://127.0.0.1.evil.com',
    ]) {
      assert.throws(() => validateEndpointOverride(bad), /is not allowed/, bad);
    }
  });

  it('never echoes credentials from a rejected override', () => {
    assert.throws(
      () => validateEndpointOverride('https://user:hunter2secret@example.com'),
      (e: unknown) => e instanceof Error && !e.message.includes('hunter2secret'),
    );
  });
});
