import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccessError } from '../../../../src/core/errors';
import {
  artifactEndpoint,
  HUAWEI_REGION_NAMES,
  HUAWEI_REGIONS,
  iamEndpoint,
  regionName,
  validateEndpointOverride,
} from '../../../../src/core/huawei/regions';
import { REPO_ROOT } from '../../../support/repoRoot';

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

describe('huawei region names', () => {
  it('names every region of the table, in English and Chinese', () => {
    assert.deepEqual(Object.keys(HUAWEI_REGION_NAMES).sort(), [...HUAWEI_REGIONS].sort());
    assert.equal(regionName('cn-north-4', 'en'), 'CN North-Beijing4');
    assert.equal(regionName('cn-north-4', 'zh'), '华北-北京四');
    assert.equal(regionName('xx-nowhere-9', 'en'), undefined);
    assert.equal(regionName('constructor', 'zh'), undefined);
  });

  it('the region setting lists the table, each with its name as enumDescription in both manifests', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    const nls = (file: string) => JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as Record<string, string>;
    const en = nls('package.nls.json');
    const zh = nls('package.nls.zh-cn.json');
    const setting = manifest.contributes.configuration.properties['coscene.huawei.region'] as {
      enum: string[];
      enumDescriptions: string[];
    };
    assert.deepEqual(setting.enum, [...HUAWEI_REGIONS]);
    assert.equal(setting.enumDescriptions.length, setting.enum.length);
    setting.enum.forEach((region, i) => {
      const key = setting.enumDescriptions[i]!.replace(/^%|%$/g, '');
      assert.equal(en[key], regionName(region, 'en'), `${key} (en)`);
      assert.equal(zh[key], regionName(region, 'zh'), `${key} (zh)`);
    });
  });
});
